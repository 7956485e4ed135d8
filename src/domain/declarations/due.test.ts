import { describe, expect, it } from "vitest";
import { builtinRegime } from "../regimes/builtin.js";
import { whatIsDue } from "../trajectories/due.js";
import { trajectoryState, viewer } from "../trajectories/test-factories.js";
import { regimeWithDeclarations } from "./test-factories.js";

const NOW = "2026-04-01T09:00:00.000Z";
const state = (declarations: { reregistrationDate: string | null; signedKinds: string[] }) => ({
  ...trajectoryState(),
  regime: regimeWithDeclarations(),
  declarations,
});
const overdue = (s: ReturnType<typeof state>, who = viewer("trainee")) =>
  whatIsDue(s, who, NOW).filter((i) => i.kind === "declarationOverdue");

describe("an end declaration past the re-registration date on the to-do list", () => {
  it("is flagged for its signers once the date has passed and the latest version is not signed", () => {
    expect(overdue(state({ reregistrationDate: "2026-03-31", signedKinds: [] }))).toEqual([
      { kind: "declarationOverdue", dueAt: "2026-03-31" },
    ]);
    expect(overdue(state({ reregistrationDate: "2026-03-31", signedKinds: [] }), viewer("guide"))).toHaveLength(1);
  });

  it("is not flagged before or on the date, when signed, without a date, or for someone who does not sign", () => {
    expect(overdue(state({ reregistrationDate: "2026-04-01", signedKinds: [] }))).toEqual([]);
    expect(overdue(state({ reregistrationDate: "2026-03-31", signedKinds: ["end"] }))).toEqual([]);
    expect(overdue(state({ reregistrationDate: null, signedKinds: [] }))).toEqual([]);
    expect(overdue(state({ reregistrationDate: "2026-03-31", signedKinds: [] }), viewer())).toEqual([]);
  });
});

describe("late declarations on the to-do list, whatever the trajectory's status", () => {
  const skj = () => {
    const regime = builtinRegime("skj_werkbegeleiding");
    if (!regime) throw new Error("skj");
    return regime;
  };
  const skjState = (status: string, signedKinds: string[]) => ({
    ...trajectoryState({ regime: skj() }),
    status,
    declarations: { reregistrationDate: "2026-03-31", signedKinds, startsOn: "2026-01-05", endsOn: "2026-12-18" },
  });

  it("lists form A, due at the start, once the start has passed, also when form B is signed", () => {
    expect(overdue(skjState("running", ["end"]))).toEqual([{ kind: "declarationOverdue", dueAt: "2026-01-05" }]);
  });

  it("lists a completed trajectory's open form B after the re-registration date, and nothing else of it", () => {
    const completed = skjState("completed", ["start"]);
    expect(whatIsDue(completed, viewer("trainee"), NOW)).toEqual([{ kind: "declarationOverdue", dueAt: "2026-03-31" }]);
    expect(whatIsDue(completed, viewer("guide"), NOW)).toEqual([{ kind: "declarationOverdue", dueAt: "2026-03-31" }]);
    expect(whatIsDue(skjState("completed", ["start", "end"]), viewer("trainee"), NOW)).toEqual([]);
    expect(whatIsDue(skjState("aborted", ["start"]), viewer("trainee"), NOW)).toHaveLength(1);
  });
});

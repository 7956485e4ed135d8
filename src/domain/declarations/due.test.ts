import { describe, expect, it } from "vitest";
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

import { describe, expect, it } from "vitest";
import { BUILTIN_REGIMES, builtinRegime } from "./builtin.js";
import { type Regime, regimeSchema } from "./schema.js";
import { defaultAdminRights, type StoredRegime, upgradeRegime } from "./upgrade.js";

const TO_REPORT = ["report", "complete"];

/**
 * A built-in regime as it was stored before the admin's rights were data: no `admin` section,
 * `adminSees` instead (null, or only the hours for supervisie), the admin named in every status
 * change, and no approved goal list asked to report or complete.
 */
function asStoredBefore(regime: Regime): StoredRegime {
  const { admin: _, ...rest } = structuredClone(regime);
  return {
    ...rest,
    adminSees: regime.key === "supervisie" ? ["hours"] : null,
    transitions: rest.transitions.map((t) => ({
      ...t,
      by: t.by.includes("admin") ? t.by : [...t.by, "admin"],
      guards: TO_REPORT.includes(t.key) ? t.guards.filter((g) => g.kind !== "goalsApproved") : t.guards,
    })),
    // Declarations had no deadline of their own; the one signed at the start was due by nothing.
    declarations: rest.declarations.map(({ dueDaysAfterStart: _due, ...spec }) => ({
      ...spec,
      dueBy: spec.moment === "start" ? null : spec.dueBy,
    })) as Regime["declarations"],
  };
}

const teacher = builtinRegime("werkbegeleiding_leerkracht") as Regime;
const transition = (regime: Regime, key: string) => regime.transitions.find((t) => t.key === key);

describe("upgradeRegime", () => {
  it("leaves a current document as it is", () => {
    for (const regime of BUILTIN_REGIMES) expect(upgradeRegime(regime)).toEqual(regime);
  });

  it("gives a stored teacher trajectory's admin management only: no confidential content, no approving", () => {
    const upgraded = upgradeRegime(asStoredBefore(teacher));
    expect(upgraded.admin).toEqual({
      sees: ["plan", "goals", "meetings", "notes", "hours", "report", "billing"],
      does: ["editPlan", "planMeetings"],
    });
    expect("adminSees" in upgraded).toBe(false);
  });

  it("leaves to the opdrachtgever the status changes the regime gives the opdrachtgever", () => {
    const upgraded = upgradeRegime(asStoredBefore(teacher));
    expect(transition(upgraded, "escalate")?.by).toEqual(["commissioner"]);
    expect(transition(upgraded, "abort")?.by).toEqual(["commissioner", "guide"]);
    expect(transition(upgraded, "start")?.by).toEqual(["guide", "commissioner"]);
    // Steps that are not the opdrachtgever's stay the admin's too.
    expect(transition(upgraded, "agree")?.by).toEqual(["guide", "admin"]);
    expect(transition(upgraded, "report")?.by).toEqual(["guide", "admin"]);
  });

  it("asks the approved goal list to report and to complete where the opdrachtgever approves goals", () => {
    const upgraded = upgradeRegime(asStoredBefore(teacher));
    expect(transition(upgraded, "report")?.guards).toEqual([
      { kind: "requiredMeetingsHeld", overridable: true },
      { kind: "goalsApproved" },
    ]);
    expect(transition(upgraded, "complete")?.guards).toEqual([{ kind: "reportFinal" }, { kind: "goalsApproved" }]);
    // Coaching has no approval: nothing is added.
    const coaching = upgradeRegime(asStoredBefore(builtinRegime("coaching") as Regime));
    expect(coaching.transitions.flatMap((t) => t.guards).some((g) => g.kind === "goalsApproved")).toBe(false);
  });

  it("derives for every stored built-in exactly what the built-in now says", () => {
    // BPV came after the admin's rights were data: no document of it was ever stored without them.
    for (const regime of BUILTIN_REGIMES.filter((r) => r.key !== "bpv"))
      expect(upgradeRegime(asStoredBefore(regime)), regime.key).toEqual(regime);
  });

  it("makes a stored declaration signed at the start due on the start day and before re-registration", () => {
    const skj = upgradeRegime(asStoredBefore(builtinRegime("skj_werkbegeleiding") as Regime));
    expect(skj.declarations.map((d) => [d.key, d.dueBy, d.dueDaysAfterStart])).toEqual([
      ["start", "reregistration", 0],
      ["end", "reregistration", null],
    ]);
  });

  it("never gives the admin more than the old `adminSees` allowed: supervisie stays hours only", () => {
    const supervisie = builtinRegime("supervisie") as Regime;
    expect(upgradeRegime(asStoredBefore(supervisie)).admin).toEqual({ sees: ["hours"], does: [] });
    expect(defaultAdminRights({ participants: teacher.participants, adminSees: ["hours", "plan"] })).toEqual({
      sees: ["plan", "hours"],
      does: ["editPlan"],
    });
  });

  it("keeps the participants' own content from the admin even where a regime shows it to the opdrachtgever", () => {
    const participants = teacher.participants.map((p) =>
      p.role === "commissioner" ? { ...p, sees: [...p.sees, "confidentialNotes" as const, "feedback" as const] } : p,
    );
    expect(defaultAdminRights({ participants, adminSees: null }).sees).not.toContain("confidentialNotes");
    expect(defaultAdminRights({ participants, adminSees: null }).sees).not.toContain("feedback");
    // Without an opdrachtgever in the regime: the managing parts only.
    const withoutCommissioner = teacher.participants.filter((p) => p.role !== "commissioner");
    expect(defaultAdminRights({ participants: withoutCommissioner, adminSees: null })).toEqual({
      sees: ["meetings", "hours", "billing"],
      does: ["planMeetings"],
    });
  });

  it("fills the sections older documents lack, gives a valid regime, and changes nothing it was given", () => {
    const stored = asStoredBefore(teacher);
    const { evidence: _e, guideRule: _g, declarations: _d, ...older } = stored;
    const before = structuredClone(older);
    const upgraded = upgradeRegime(older);
    expect(upgraded).toMatchObject({ evidence: null, guideRule: null, declarations: [] });
    expect(regimeSchema.safeParse(upgraded).success).toBe(true);
    expect(older).toEqual(before);
  });
});

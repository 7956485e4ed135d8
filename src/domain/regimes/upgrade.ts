import {
  ADMIN_ACTION_PART,
  type AdminAction,
  type AdminRights,
  type Guard,
  type Regime,
  VISIBLE_PARTS,
  type VisiblePart,
} from "./schema.js";

/**
 * A regime document as it may be stored: regime versions never change (a trajectory keeps the
 * one it started on), so documents written before a section existed lack it. `adminSees` is how
 * the admin's view was written before the `admin` section.
 */
export type StoredRegime = Omit<Regime, "admin" | "evidence" | "guideRule" | "declarations"> &
  Partial<Pick<Regime, "admin" | "evidence" | "guideRule" | "declarations">> & {
    adminSees?: VisiblePart[] | null;
  };

/** What managing a trajectory takes: when it meets, the hours and what they cost. */
const MANAGEMENT_PARTS: readonly VisiblePart[] = ["meetings", "hours", "billing"];
/** Content that is the participants' own, never the admin's by default. */
const PARTICIPANTS_ONLY: readonly VisiblePart[] = ["confidentialNotes", "feedback", "selfAssessments"];
/** What the admin does by default: keep the plan and the planning in order. */
const MANAGEMENT_ACTIONS: readonly AdminAction[] = ["editPlan", "planMeetings"];

/**
 * The admin's rights for a document that predates them: what the opdrachtgever reads plus what
 * managing takes, never the participants' own content, never more than `adminSees` allowed; and
 * only the managing actions on what that leaves visible.
 */
export function defaultAdminRights(regime: Pick<StoredRegime, "participants" | "adminSees">): AdminRights {
  const commissioner = regime.participants.find((p) => p.role === "commissioner")?.sees ?? [];
  const sees = VISIBLE_PARTS.filter(
    (part) =>
      (commissioner.includes(part) || MANAGEMENT_PARTS.includes(part)) &&
      !PARTICIPANTS_ONLY.includes(part) &&
      (!regime.adminSees || regime.adminSees.includes(part)),
  );
  return { sees, does: MANAGEMENT_ACTIONS.filter((action) => sees.includes(ADMIN_ACTION_PART[action])) };
}

/** Declarations signed when the guidance begins: due on its first day, and before re-registration. */
const SIGNED_AT_THE_START = new Set(["start", "independence"]);

/**
 * A stored declaration written before declarations had deadlines of their own: one signed at the
 * start is due on the start day and needed before re-registration (the register wants form A
 * signed at the start); the others keep what they said.
 */
function upgradeDeclaration(spec: Regime["declarations"][number]): Regime["declarations"][number] {
  if (spec.dueDaysAfterStart !== undefined) return spec;
  return SIGNED_AT_THE_START.has(spec.moment)
    ? { ...spec, dueBy: spec.dueBy ?? "reregistration", dueDaysAfterStart: 0 }
    : { ...spec, dueDaysAfterStart: null };
}

const movesToReport = (guards: Guard[]) =>
  guards.some((g) => g.kind === "requiredMeetingsHeld" || g.kind === "reportFinal");

/**
 * A stored regime document as the rules read it today. Pure, and the identity on a current
 * document. For one written before the admin's rights were data:
 * - the admin gets `defaultAdminRights`;
 * - a status change the regime gives the opdrachtgever is no longer also the admin's (the admin
 *   manages, the opdrachtgever decides);
 * - where the opdrachtgever approves the goal list, moving to the report and completing need
 *   the list as last approved, so a report never lists goals the opdrachtgever did not approve.
 * These apply to running trajectories too: they correct rights, not the course of the guidance.
 */
export function upgradeRegime(stored: StoredRegime): Regime {
  const { adminSees, ...document } = stored;
  const filled = {
    ...document,
    evidence: document.evidence ?? null,
    guideRule: document.guideRule ?? null,
    declarations: (document.declarations ?? []).map(upgradeDeclaration),
  };
  if (document.admin) return { ...filled, admin: document.admin };
  const approval = document.goals.approvalByCommissioner;
  return {
    ...filled,
    admin: defaultAdminRights(stored),
    transitions: document.transitions.map((transition) => {
      const by = transition.by.includes("commissioner")
        ? transition.by.filter((actor) => actor !== "admin")
        : transition.by;
      const guards =
        approval && movesToReport(transition.guards) && !transition.guards.some((g) => g.kind === "goalsApproved")
          ? [...transition.guards, { kind: "goalsApproved" as const }]
          : transition.guards;
      return { ...transition, by, guards };
    }),
  };
}

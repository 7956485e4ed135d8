import type { Guard, Locale, Localized, MeetingType, ParticipantRole, Regime, Transition } from "../regimes/schema.js";
import type { GoalSnapshot, TrajectoryState, Viewer } from "./model.js";

/**
 * Pure answers to the questions a trajectory raises: may this status change happen now and if
 * not why, which meetings are still required, is the goal list approved, what is due.
 */

/** Why something cannot happen, as data; `describe` turns it into words. */
export type Blocker =
  | { code: "notAllowedFrom"; status: string }
  | { code: "notYourStep" }
  | { code: "intakeIncomplete"; fields: string[] }
  | { code: "consentsMissing"; consents: string[] }
  | { code: "tooFewGoals"; min: number; count: number }
  | { code: "goalsNotApproved" }
  | { code: "goalChangesNotApproved"; goals: number }
  | { code: "meetingsMissing"; meetingType: string; min: number; held: number }
  | { code: "reportNotFinal" }
  | { code: "reasonRequired" }
  | { code: "reasonNotChosen" }
  | { code: "dateRequired" };

export interface TransitionCheck {
  transition: Transition;
  allowed: boolean;
  blockers: Blocker[];
  /** Every blocker can be overridden with a written reason (kept in the audit trail). */
  overridable: boolean;
}

export interface TransitionRequest {
  reason?: string | null;
  /** One of a `reasonChosen` guard's options. */
  reasonCode?: string | null;
  /** The day the change took effect, for a `dateGiven` guard. */
  on?: string | null;
  override?: boolean;
}

export const meetingType = (regime: Regime, key: string) => regime.meetingTypes.find((t) => t.key === key);

export const findTransition = (regime: Regime, key: string) => regime.transitions.find((t) => t.key === key);

/** Held meetings of each type against the regime's minimum and maximum. */
export function meetingProgress(state: Pick<TrajectoryState, "regime" | "meetings">) {
  return state.regime.meetingTypes.map((type) => {
    const ofType = state.meetings.filter((m) => m.type === type.key);
    const held = ofType.filter((m) => m.status === "held").length;
    const planned = ofType.filter((m) => m.status === "planned").length;
    return {
      type: type.key,
      min: type.min,
      max: type.max,
      held,
      planned,
      missing: Math.max(0, type.min - held),
      overMax: type.max !== null && held > type.max,
      /** Planning one more would pass the maximum: the UI warns, it does not refuse. */
      atMax: type.max !== null && held + planned >= type.max,
    };
  });
}

export type GoalListState = "empty" | "unapproved" | "approved" | "changed";

const sameGoals = (a: GoalSnapshot[], b: GoalSnapshot[]) => {
  const norm = (goals: GoalSnapshot[]) =>
    JSON.stringify(
      [...goals].sort((x, y) => x.position - y.position).map((g) => [g.id, g.title, g.rationale, g.successCriteria]),
    );
  return norm(a) === norm(b);
};

/**
 * The goal list is approved when the current goals are exactly the last approved list; a list
 * that was approved before and has changed since needs approval again.
 */
export function goalListState(state: Pick<TrajectoryState, "goals" | "approvedGoalLists">): GoalListState {
  if (state.goals.length === 0) return "empty";
  const last = state.approvedGoalLists.at(-1);
  if (!last) return "unapproved";
  return sameGoals(last.goals, state.goals) ? "approved" : "changed";
}

/** Goals added or changed since the last approval. */
export function unapprovedGoals(state: Pick<TrajectoryState, "goals" | "approvedGoalLists">): GoalSnapshot[] {
  const last = state.approvedGoalLists.at(-1);
  if (!last) return state.goals;
  return state.goals.filter((goal) => {
    const approved = last.goals.find((g) => g.id === goal.id);
    return !approved || !sameGoals([approved], [{ ...goal, position: approved.position }]);
  });
}

/**
 * What stands in the way while the opdrachtgever must approve the goal list and has not approved
 * it as it stands: changed since the last approval is said so, so nobody reports (or finalises a
 * report) on goals the opdrachtgever never approved. Null when the list is approved or needs none.
 */
export function goalApprovalBlocker(
  state: Pick<TrajectoryState, "regime" | "goals" | "approvedGoalLists">,
): Blocker | null {
  if (!state.regime.goals.approvalByCommissioner) return null;
  const list = goalListState(state);
  if (list === "approved") return null;
  if (list === "changed") return { code: "goalChangesNotApproved", goals: unapprovedGoals(state).length };
  return { code: "goalsNotApproved" };
}

/** Whether one more goal fits the regime's maximum. */
export const mayAddGoal = (regime: Regime, currentCount: number) =>
  regime.goals.max === null || currentCount < regime.goals.max;

/** The parts of a goal the regime requires that `goal` leaves empty. */
export function missingGoalFields(
  regime: Pick<Regime, "goals">,
  goal: { rationale?: string | null; successCriteria?: string | null },
): ("rationale" | "successCriteria")[] {
  const missing: ("rationale" | "successCriteria")[] = [];
  if (regime.goals.requireRationale && !goal.rationale) missing.push("rationale");
  if (regime.goals.requireSuccessCriteria && !goal.successCriteria?.trim()) missing.push("successCriteria");
  return missing;
}

function guardBlockers(state: TrajectoryState, guard: Guard, request: TransitionRequest): Blocker[] {
  const { regime } = state;
  switch (guard.kind) {
    case "intakeComplete": {
      const fields = regime.planFields
        .filter((f) => f.stage === "intake" && f.required && !state.plan[f.key]?.trim())
        .map((f) => f.key);
      return fields.length ? [{ code: "intakeIncomplete", fields }] : [];
    }
    case "consentsGiven": {
      const consents = regime.consents.filter((c) => !state.consents[c.key]?.given).map((c) => c.key);
      return consents.length ? [{ code: "consentsMissing", consents }] : [];
    }
    case "goalsPresent":
      return state.goals.length >= guard.min
        ? []
        : [{ code: "tooFewGoals", min: guard.min, count: state.goals.length }];
    case "goalsApproved": {
      const blocker = goalApprovalBlocker(state);
      return blocker ? [blocker] : [];
    }
    case "requiredMeetingsHeld":
      return meetingProgress(state)
        .filter((p) => p.missing > 0)
        .map((p) => ({ code: "meetingsMissing", meetingType: p.type, min: p.min, held: p.held }) as const);
    case "reportFinal":
      return state.reportFinal ? [] : [{ code: "reportNotFinal" }];
    case "reasonGiven":
      return request.reason?.trim() ? [] : [{ code: "reasonRequired" }];
    case "reasonChosen":
      return guard.options.some((o) => o.value === request.reasonCode) ? [] : [{ code: "reasonNotChosen" }];
    case "dateGiven":
      return request.on ? [] : [{ code: "dateRequired" }];
  }
}

/**
 * Why the day a change took effect cannot be: after today (an outcome is recorded once it
 * happened) or before the trajectory started. Null when it can.
 */
export function effectiveDateProblem(on: string, startsOn: string, today: string) {
  if (on > today) return "field.dateInFuture" as const;
  if (on < startsOn) return "field.dateBeforeStart" as const;
  return null;
}

/** The reasons a transition offers to choose from, and whether it asks a date. */
export const reasonOptions = (transition: Transition) =>
  transition.guards.flatMap((g) => (g.kind === "reasonChosen" ? g.options : []));
export const needsDate = (transition: Transition) => transition.guards.some((g) => g.kind === "dateGiven");

const isOverridable = (guard: Guard) => guard.kind === "requiredMeetingsHeld" && guard.overridable;

/** Which of the regime's actors the viewer is: their participant roles, and admin. */
export const actorsOf = (viewer: Pick<Viewer, "participantRoles" | "admin">): string[] => [
  ...viewer.participantRoles,
  ...(viewer.admin ? ["admin"] : []),
];

/**
 * May `transition` happen now, for this viewer? An override (with a reason) lifts the blockers
 * of guards the regime marks overridable; nothing else.
 */
export function checkTransition(
  state: TrajectoryState,
  transition: Transition,
  viewer: Pick<Viewer, "participantRoles" | "admin">,
  request: TransitionRequest = {},
): TransitionCheck {
  const blockers: Blocker[] = [];
  if (!transition.from.includes(state.status)) blockers.push({ code: "notAllowedFrom", status: state.status });
  if (!transition.by.some((role) => actorsOf(viewer).includes(role))) blockers.push({ code: "notYourStep" });
  let overridable = blockers.length === 0;
  const overriding = request.override === true && Boolean(request.reason?.trim());
  for (const guard of transition.guards) {
    const found = guardBlockers(state, guard, request);
    if (found.length && !isOverridable(guard)) overridable = false;
    if (found.length && isOverridable(guard) && overriding) continue;
    blockers.push(...found);
  }
  return { transition, allowed: blockers.length === 0, blockers, overridable: overridable && blockers.length > 0 };
}

const REASON_ASKED_LATER = "(asked when the change is made)";

/** What the dialog of a change asks, filled in as if answered, to see what else stands in the way. */
const askedLater = (transition: Transition): TransitionRequest => ({
  reason: REASON_ASKED_LATER,
  reasonCode: reasonOptions(transition)[0]?.value ?? null,
  on: needsDate(transition) ? "0001-01-01" : null,
});

/**
 * The status changes this viewer could make from here, each with what still stands in the way.
 * A reason or a date is asked for when the change is made, so its absence does not count here.
 */
export function availableTransitions(state: TrajectoryState, viewer: Pick<Viewer, "participantRoles" | "admin">) {
  return state.regime.transitions
    .filter((t) => t.from.includes(state.status) && t.by.some((role) => actorsOf(viewer).includes(role)))
    .map((t) => ({
      // Checked as if the reason were given, so a missing one neither blocks nor hides an override.
      ...checkTransition(state, t, viewer, askedLater(t)),
      needsReason: t.guards.some((g) => g.kind === "reasonGiven"),
      reasons: reasonOptions(t),
      needsDate: needsDate(t),
    }));
}

/** Warnings that do not block: more meetings held than the regime's maximum. */
export function meetingWarnings(state: Pick<TrajectoryState, "regime" | "meetings">) {
  return meetingProgress(state).filter((p) => p.overMax);
}

export const isTerminal = (regime: Regime, status: string) =>
  regime.statuses.find((s) => s.key === status)?.terminal ?? false;

const label = (text: Localized | undefined, locale: Locale, fallback: string) => text?.[locale] ?? fallback;

const list = (items: string[], locale: Locale) =>
  new Intl.ListFormat(locale === "nl" ? "nl-NL" : "en-GB", { type: "conjunction" }).format(items);

/** A blocker in words a user understands, in their language. */
export function describeBlocker(regime: Regime, blocker: Blocker, locale: Locale): string {
  const nl = locale === "nl";
  switch (blocker.code) {
    case "notAllowedFrom": {
      const status = label(regime.statuses.find((s) => s.key === blocker.status)?.label, locale, blocker.status);
      return nl ? `Dit kan niet in de status ‘${status}’.` : `This is not possible in status ‘${status}’.`;
    }
    case "notYourStep":
      return nl ? "Deze stap is niet aan u." : "This step is not yours to take.";
    case "intakeIncomplete": {
      const fields = blocker.fields.map((key) =>
        label(regime.planFields.find((f) => f.key === key)?.label, locale, key).toLowerCase(),
      );
      return nl
        ? `De intake is nog niet compleet: vul ${list(fields, locale)} in.`
        : `The intake is not complete yet: fill in ${list(fields, locale)}.`;
    }
    case "consentsMissing":
      return nl
        ? `De begeleide heeft nog niet met alle afspraken ingestemd (${blocker.consents.length} open).`
        : `The trainee has not yet consented to every agreement (${blocker.consents.length} open).`;
    case "tooFewGoals":
      return nl
        ? `Er ${blocker.min === 1 ? "is minstens 1 doel" : `zijn minstens ${blocker.min} doelen`} nodig; er ${blocker.count === 1 ? "is" : "zijn"} er ${blocker.count}.`
        : `At least ${blocker.min} goal${blocker.min === 1 ? " is" : "s are"} needed; there ${blocker.count === 1 ? "is" : "are"} ${blocker.count}.`;
    case "goalsNotApproved":
      return nl
        ? "De opdrachtgever heeft de doelenlijst (nog) niet goedgekeurd."
        : "The commissioner has not approved the goal list (yet).";
    case "goalChangesNotApproved": {
      const changed =
        blocker.goals === 0
          ? nl
            ? "Er zijn doelen weggehaald"
            : "Goals were removed"
          : nl
            ? `${blocker.goals === 1 ? "Eén doel is" : `${blocker.goals} doelen zijn`} toegevoegd of gewijzigd`
            : `${blocker.goals === 1 ? "One goal was" : `${blocker.goals} goals were`} added or changed`;
      return nl
        ? `${changed} sinds de opdrachtgever de doelenlijst goedkeurde. De opdrachtgever keurt de gewijzigde lijst eerst goed.`
        : `${changed} since the commissioner approved the goal list. The commissioner approves the changed list first.`;
    }
    case "meetingsMissing": {
      const type = meetingType(regime, blocker.meetingType);
      const name = label(type?.label, locale, blocker.meetingType).toLowerCase();
      return nl
        ? `Er zijn minstens ${blocker.min} × ${name} nodig; er ${blocker.held === 1 ? "is" : "zijn"} er ${blocker.held} gehouden.`
        : `At least ${blocker.min} × ${name} needed; ${blocker.held} held.`;
    }
    case "reportNotFinal":
      return nl ? "Het eindverslag is nog niet definitief." : "The final report is not final yet.";
    case "reasonRequired":
      return nl ? "Geef een reden op." : "Give a reason.";
    case "reasonNotChosen":
      return nl ? "Kies een reden uit de lijst." : "Choose a reason from the list.";
    case "dateRequired":
      return nl ? "Geef de datum op." : "Give the date.";
  }
}

export type { MeetingType, ParticipantRole };

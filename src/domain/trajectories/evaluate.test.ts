import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_REGIMES } from "../regimes/builtin.js";
import type { Guard, Regime, Transition } from "../regimes/schema.js";
import {
  actorsOf,
  availableTransitions,
  type Blocker,
  checkTransition,
  describeBlocker,
  effectiveDateProblem,
  findTransition,
  goalListState,
  isTerminal,
  mayAddGoal,
  meetingProgress,
  meetingWarnings,
  missingGoalFields,
  reasonOptions,
  type TransitionRequest,
  unapprovedGoals,
} from "./evaluate.js";
import type { TrajectoryState } from "./model.js";
import {
  adminViewer,
  arbGoals,
  arbMeetings,
  arbState,
  arbViewer,
  coachingRegime,
  copyRegime,
  goal,
  meetingsOf,
  teacherRegime,
  trajectoryState,
  viewer,
  withMeetingType,
} from "./test-factories.js";

const teacher = teacherRegime();
const guide = viewer("guide");
const trainee = viewer("trainee");
const commissioner = viewer("commissioner");

const transition = (regime: Regime, key: string): Transition => {
  const found = findTransition(regime, key);
  if (!found) throw new Error(`no transition ${key}`);
  return found;
};

/** Every minimum of the teacher regime met: intake, diagnosis visit, 3 visits, 3 feedback conversations. */
const TEACHER_MINIMUM = { intake: 1, diagnosis_visit: 1, classroom_visit: 3, feedback_conversation: 3 };

const check = (state: TrajectoryState, key: string, who = guide, request = {}) =>
  checkTransition(state, transition(state.regime, key), who, request);

describe("checkTransition on the teacher trajectory", () => {
  it("walks draft -> agreed -> running -> reporting -> completed when each guard is met", () => {
    let state = trajectoryState({ intakeComplete: true, consentsGiven: true });
    expect(check(state, "agree")).toMatchObject({ allowed: true, blockers: [] });
    expect(transition(teacher, "agree").to).toBe("agreed");

    state = { ...state, status: "agreed", goals: [goal(1), goal(2)] };
    state = { ...state, approvedGoalLists: [{ number: 1, goals: state.goals, approvedAt: "2026-01-20T10:00:00Z" }] };
    expect(check(state, "start")).toMatchObject({ allowed: true, blockers: [] });
    expect(check(state, "start", commissioner).allowed).toBe(true);
    expect(transition(teacher, "start").to).toBe("running");

    state = { ...state, status: "running", meetings: trajectoryState({ held: TEACHER_MINIMUM }).meetings };
    expect(check(state, "report")).toMatchObject({ allowed: true, blockers: [] });
    expect(transition(teacher, "report").to).toBe("reporting");

    state = { ...state, status: "reporting", reportFinal: true };
    expect(check(state, "complete")).toMatchObject({ allowed: true, blockers: [] });
    expect(transition(teacher, "complete").to).toBe("completed");
    expect(isTerminal(teacher, "completed")).toBe(true);
  });

  it("names every required intake field still empty and every consent not given", () => {
    const state = trajectoryState({
      plan: { reason: "Zorgen over klassenmanagement", concerns_and_wishes: "   " },
      consents: { visits: { given: true, at: "2026-01-10T10:00:00Z" }, try_advice: { given: false, at: "x" } },
    });
    const result = check(state, "agree");
    expect(result.allowed).toBe(false);
    expect(result.overridable).toBe(false);
    expect(result.blockers).toEqual([
      // Blank counts as empty; the optional plan field "approach" is not asked for.
      { code: "intakeIncomplete", fields: ["concerns_and_wishes", "working_agreements"] },
      {
        code: "consentsMissing",
        consents: [
          "timetable_changes",
          "follow_up_calls",
          "active_reflection",
          "alternatives",
          "try_advice",
          "self_assessment",
        ],
      },
    ]);
  });

  it("starts only with at least one goal and the goal list approved", () => {
    expect(check(trajectoryState({ status: "agreed" }), "start").blockers).toEqual([
      { code: "tooFewGoals", min: 1, count: 0 },
      { code: "goalsNotApproved" },
    ]);
    expect(check(trajectoryState({ status: "agreed", goals: 3 }), "start").blockers).toEqual([
      { code: "goalsNotApproved" },
    ]);
    const changed = trajectoryState({ status: "agreed", goals: 3, approved: true });
    changed.goals[1] = { ...changed.goals[1]!, title: "Gedifferentieerde instructie geven" };
    expect(check(changed, "start").blockers).toEqual([{ code: "goalChangesNotApproved", goals: 1 }]);
    expect(check(trajectoryState({ status: "agreed", goals: 3, approved: true }), "start").allowed).toBe(true);
  });

  it("blocks the report with fewer visits than the minimum, one blocker per meeting type", () => {
    const state = trajectoryState({
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 2, feedback_conversation: 1 },
    });
    const result = check(state, "report");
    expect(result.allowed).toBe(false);
    expect(result.overridable).toBe(true);
    expect(result.blockers).toEqual([
      { code: "meetingsMissing", meetingType: "classroom_visit", min: 3, held: 2 },
      { code: "meetingsMissing", meetingType: "feedback_conversation", min: 3, held: 1 },
    ]);
  });

  it("counts only held meetings toward the minimum, not planned or cancelled ones", () => {
    const state = trajectoryState({
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 2 },
      meetings: [...meetingsOf("classroom_visit", 2, "planned"), ...meetingsOf("classroom_visit", 1, "cancelled")],
    });
    expect(check(state, "report").blockers).toEqual([
      { code: "meetingsMissing", meetingType: "classroom_visit", min: 3, held: 2 },
    ]);
  });

  it("allows the report with too few visits on an override with a reason, not on either alone", () => {
    const state = trajectoryState({
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 2 },
    });
    const reason = "Leerkracht langdurig ziek; opdrachtgever wil nu het verslag.";
    expect(check(state, "report", guide, { override: true, reason })).toMatchObject({ allowed: true, blockers: [] });
    expect(check(state, "report", guide, { override: true }).allowed).toBe(false);
    expect(check(state, "report", guide, { override: true, reason: "   " }).allowed).toBe(false);
    expect(check(state, "report", guide, { override: false, reason }).allowed).toBe(false);
    expect(check(state, "report", guide, { reason }).allowed).toBe(false);
  });

  it("does not let an override lift the actor or status checks", () => {
    const state = trajectoryState({ status: "running", goals: 3, approved: true, held: { classroom_visit: 2 } });
    const request = { override: true, reason: "Haast" };
    const byTrainee = check(state, "report", trainee, request);
    expect(byTrainee.allowed).toBe(false);
    expect(byTrainee.blockers).toEqual([{ code: "notYourStep" }]);
    expect(byTrainee.overridable).toBe(false);
    const fromDraft = check({ ...state, status: "draft" }, "report", guide, request);
    expect(fromDraft.blockers).toEqual([{ code: "notAllowedFrom", status: "draft" }]);
  });

  it("does not let an override lift a guard the regime does not mark overridable", () => {
    const strict = copyRegime(teacher, (r) => {
      r.transitions = r.transitions.map((t) =>
        t.key === "report" ? { ...t, guards: [{ kind: "requiredMeetingsHeld", overridable: false }] } : t,
      );
    });
    const state = trajectoryState({ regime: strict, status: "running", held: { classroom_visit: 2 } });
    const result = check(state, "report", guide, { override: true, reason: "Haast" });
    expect(result.allowed).toBe(false);
    expect(result.overridable).toBe(false);
    expect(result.blockers.map((b) => b.code)).toContain("meetingsMissing");
  });

  it("says notYourStep to a participant whose step it is not", () => {
    const ready = trajectoryState({ intakeComplete: true, consentsGiven: true });
    expect(check(ready, "agree", trainee).blockers).toEqual([{ code: "notYourStep" }]);
    expect(check(ready, "agree", commissioner).blockers).toEqual([{ code: "notYourStep" }]);
    expect(check(ready, "agree", viewer()).blockers).toEqual([{ code: "notYourStep" }]);
    expect(check(ready, "agree", adminViewer()).allowed).toBe(true);
    // Someone who is both trainee and guide may take the guide's step.
    expect(check(ready, "agree", viewer("trainee", "guide")).allowed).toBe(true);
  });

  it("says notAllowedFrom with the current status", () => {
    const state = trajectoryState({ status: "completed", goals: 3, approved: true, reportFinal: true });
    expect(check(state, "complete").blockers).toEqual([{ code: "notAllowedFrom", status: "completed" }]);
  });

  it("asks a reason to abort or escalate, and only the commissioner escalates, not the admin", () => {
    const running = trajectoryState({ status: "running", goals: 3, approved: true });
    expect(check(running, "abort").blockers).toEqual([{ code: "reasonRequired" }]);
    expect(check(running, "abort", guide, { reason: "  " }).blockers).toEqual([{ code: "reasonRequired" }]);
    expect(check(running, "abort", guide, { reason: "Leerkracht vertrekt" }).allowed).toBe(true);
    expect(check(running, "escalate", commissioner, { reason: "Onvoldoende vorderingen" }).allowed).toBe(true);
    for (const who of [guide, adminViewer()])
      expect(check(running, "escalate", who, { reason: "Onvoldoende vorderingen" }).blockers).toEqual([
        { code: "notYourStep" },
      ]);
    expect(check(running, "abort", adminViewer(), { reason: "Leerkracht vertrekt" }).blockers).toEqual([
      { code: "notYourStep" },
    ]);
    expect(transition(teacher, "escalate").effect).toBe("escalate");
  });

  it("does not report or complete while the goal list has changes the commissioner has not approved", () => {
    const changedSince = (status: string, extra: Parameters<typeof trajectoryState>[0] = {}) => {
      const state = trajectoryState({ status, goals: 3, approved: true, held: TEACHER_MINIMUM, ...extra });
      state.goals = [...state.goals, goal(4)];
      state.goals[0] = { ...state.goals[0]!, successCriteria: "Strenger criterium" };
      return state;
    };
    const reporting = check(changedSince("running"), "report");
    expect(reporting.allowed).toBe(false);
    expect(reporting.blockers).toEqual([{ code: "goalChangesNotApproved", goals: 2 }]);
    // The goal list is the commissioner's to approve: an override of the visits does not lift it.
    expect(reporting.overridable).toBe(false);
    const fewVisits = changedSince("running", { held: { ...TEACHER_MINIMUM, classroom_visit: 1 } });
    expect(check(fewVisits, "report", guide, { override: true, reason: "Ziekte" }).blockers).toEqual([
      { code: "goalChangesNotApproved", goals: 2 },
    ]);
    const completing = check(changedSince("reporting", { reportFinal: true }), "complete");
    expect(completing.blockers).toEqual([{ code: "goalChangesNotApproved", goals: 2 }]);
    expect(describeBlocker(teacher, completing.blockers[0]!, "nl")).toBe(
      "2 doelen zijn toegevoegd of gewijzigd sinds de opdrachtgever de doelenlijst goedkeurde. De opdrachtgever keurt de gewijzigde lijst eerst goed.",
    );
    // A goal removed since the approval is a change too.
    const removed = trajectoryState({ status: "running", goals: 3, approved: true, held: TEACHER_MINIMUM });
    removed.goals = removed.goals.slice(1);
    expect(check(removed, "report").blockers).toEqual([{ code: "goalChangesNotApproved", goals: 0 }]);
    // Approved again: both may go ahead.
    const approved = changedSince("running");
    approved.approvedGoalLists.push({ number: 2, goals: structuredClone(approved.goals), approvedAt: "2026-03-01" });
    expect(check(approved, "report").allowed).toBe(true);
    expect(check({ ...approved, status: "reporting", reportFinal: true }, "complete").allowed).toBe(true);
  });

  it("completes only once the report is final", () => {
    expect(check(trajectoryState({ status: "reporting", goals: 3, approved: true }), "complete").blockers).toEqual([
      { code: "reportNotFinal" },
    ]);
  });

  it("honours a copied regime's numbers: 6 visits needed instead of 3", () => {
    const regime = withMeetingType(teacher, "classroom_visit", { min: 6, max: 8 });
    const state = trajectoryState({
      regime,
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 5 },
    });
    expect(check(state, "report").blockers).toEqual([
      { code: "meetingsMissing", meetingType: "classroom_visit", min: 6, held: 5 },
    ]);
  });

  it("lets coaching start and complete without any guard", () => {
    const coaching = coachingRegime();
    const state = trajectoryState({ regime: coaching });
    expect(check(state, "start", trainee).allowed).toBe(true);
    expect(check({ ...state, status: "running" }, "complete", guide).allowed).toBe(true);
  });
});

describe("availableTransitions", () => {
  const keys = (list: ReturnType<typeof availableTransitions>) => list.map((t) => t.transition.key);

  it("offers the guide in draft the intake and abort, with what blocks them", () => {
    const list = availableTransitions(trajectoryState({ intakeComplete: true }), guide);
    expect(keys(list)).toEqual(["agree", "abort"]);
    const [agree, abort] = list;
    expect(agree).toMatchObject({ allowed: false, needsReason: false, overridable: false });
    expect(agree!.blockers.map((b) => b.code)).toEqual(["consentsMissing"]);
    // A reason is asked when the change is made, so it does not block here.
    expect(abort).toMatchObject({ allowed: true, blockers: [], needsReason: true });
  });

  it("offers each person only their own steps from the current status", () => {
    const running = trajectoryState({ status: "running", goals: 3, approved: true, held: TEACHER_MINIMUM });
    expect(keys(availableTransitions(running, guide))).toEqual(["report", "abort"]);
    expect(keys(availableTransitions(running, commissioner))).toEqual(["escalate", "abort"]);
    expect(keys(availableTransitions(running, trainee))).toEqual([]);
    expect(keys(availableTransitions(running, viewer()))).toEqual([]);
    // The admin manages: escalating and aborting are the commissioner's (and the guide's) decision.
    expect(keys(availableTransitions(running, adminViewer()))).toEqual(["report"]);
    expect(keys(availableTransitions(trajectoryState({ status: "aborted" }), adminViewer()))).toEqual([]);
  });

  it("marks the report overridable when only visits are missing", () => {
    const running = trajectoryState({
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 2 },
    });
    const report = availableTransitions(running, guide).find((t) => t.transition.key === "report");
    expect(report).toMatchObject({ allowed: false, overridable: true });
    expect(report!.blockers).toEqual([{ code: "meetingsMissing", meetingType: "classroom_visit", min: 3, held: 2 }]);
  });

  it("marks a step overridable when it also asks a reason, since the override brings one", () => {
    const regime = copyRegime(teacher, (r) => {
      const report = r.transitions.find((t) => t.key === "report")!;
      report.guards = [...report.guards, { kind: "reasonGiven" }];
    });
    const running = trajectoryState({
      regime,
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 2 },
    });
    const report = availableTransitions(running, guide).find((t) => t.transition.key === "report");
    expect(report).toMatchObject({ allowed: false, overridable: true, needsReason: true });
    expect(report!.blockers.map((b) => b.code)).toEqual(["meetingsMissing"]);
    expect(check(running, "report", guide, { override: true, reason: "Ziekte" }).allowed).toBe(true);
  });
});

/** Whether a guard holds, worked out here independently of the evaluator. */
function guardMet(state: TrajectoryState, guard: Guard, request: TransitionRequest): boolean {
  const { reason } = request;
  const { regime } = state;
  switch (guard.kind) {
    case "intakeComplete":
      return regime.planFields.every((f) => f.stage !== "intake" || !f.required || Boolean(state.plan[f.key]?.trim()));
    case "consentsGiven":
      return regime.consents.every((c) => state.consents[c.key]?.given === true);
    case "goalsPresent":
      return state.goals.length >= guard.min;
    case "goalsApproved":
      return !regime.goals.approvalByCommissioner || goalListState(state) === "approved";
    case "requiredMeetingsHeld":
      return regime.meetingTypes.every(
        (type) => state.meetings.filter((m) => m.type === type.key && m.status === "held").length >= type.min,
      );
    case "reportFinal":
      return state.reportFinal;
    case "reasonGiven":
      return Boolean(reason?.trim());
    case "reasonChosen":
      return guard.options.map((o) => o.value).includes(request.reasonCode ?? "");
    case "dateGiven":
      return Boolean(request.on);
  }
}

const arbRequest = fc.record(
  {
    reason: fc.option(fc.constantFrom("", "   ", "Ziekte van de leerkracht"), { nil: undefined }),
    reasonCode: fc.option(fc.constantFrom("", "workload", "wrong_choice", "nonsense"), { nil: undefined }),
    on: fc.option(fc.constantFrom("", "2026-03-01"), { nil: undefined }),
    override: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A regime, one of its transitions, a state mostly in one of the transition's `from` statuses, a viewer, a request. */
const arbCase = fc
  .constantFrom(...BUILTIN_REGIMES)
  .chain((regime) => fc.tuple(fc.constant(regime), fc.constantFrom(...regime.transitions)))
  .chain(([regime, t]) =>
    fc.record({
      state: arbState(
        regime,
        fc.oneof(
          { arbitrary: fc.constantFrom(...t.from), weight: 4 },
          { arbitrary: fc.constantFrom(...regime.statuses.map((s) => s.key)), weight: 1 },
        ),
      ),
      transition: fc.constant(t),
      viewer: arbViewer(),
      request: arbRequest,
    }),
  );

describe("checkTransition properties", () => {
  it("allows a change only from a `from` status, by one of `by`, with every guard met that no override lifts", () => {
    fc.assert(
      fc.property(arbCase, ({ state, transition: t, viewer: who, request }) => {
        const result = checkTransition(state, t, who, request);
        expect(result.allowed).toBe(result.blockers.length === 0);
        if (!result.allowed) return;
        expect(t.from).toContain(state.status);
        expect(t.by.some((role) => actorsOf(who).includes(role))).toBe(true);
        for (const guard of t.guards)
          if (!(guard.kind === "requiredMeetingsHeld" && guard.overridable))
            expect(guardMet(state, guard, request)).toBe(true);
      }),
    );
  });

  it("without an override, allows exactly when status, actor and every guard are right", () => {
    fc.assert(
      fc.property(arbCase, ({ state, transition: t, viewer: who, request }) => {
        const plain = { reason: request.reason, reasonCode: request.reasonCode, on: request.on };
        const expected =
          t.from.includes(state.status) &&
          t.by.some((role) => actorsOf(who).includes(role)) &&
          t.guards.every((g) => guardMet(state, g, request));
        expect(checkTransition(state, t, who, plain).allowed).toBe(expected);
      }),
    );
  });

  it("treats an override without a reason as no override", () => {
    fc.assert(
      fc.property(arbCase, ({ state, transition: t, viewer: who }) => {
        expect(checkTransition(state, t, who, { override: true })).toEqual(checkTransition(state, t, who, {}));
      }),
    );
  });

  it("when overridable, the same change with an override and a reason is allowed", () => {
    fc.assert(
      fc.property(arbCase, ({ state, transition: t, viewer: who, request }) => {
        const result = checkTransition(state, t, who, request);
        if (!result.overridable) return;
        expect(result.allowed).toBe(false);
        expect(checkTransition(state, t, who, { override: true, reason: "Ziekte" }).allowed).toBe(true);
      }),
    );
  });
});

describe("the BPV outcomes", () => {
  const bpv = BUILTIN_REGIMES.find((r) => r.key === "bpv")!;
  const running = trajectoryState({ regime: bpv, status: "running" });

  it("offers the stop with the list of reasons and a date, and asks both before it is allowed", () => {
    const stop = availableTransitions(running, guide).find((t) => t.transition.key === "stop");
    expect(stop).toMatchObject({ allowed: true, needsDate: true, needsReason: false });
    expect(stop!.reasons.map((r) => r.value)).toEqual(["wrong_choice", "workload", "guidance", "personal", "other"]);
    expect(check(running, "stop").blockers.map((b) => b.code)).toEqual(["reasonNotChosen", "dateRequired"]);
    expect(check(running, "stop", guide, { reasonCode: "boredom", on: "2026-02-01" }).blockers).toEqual([
      { code: "reasonNotChosen" },
    ]);
    expect(check(running, "stop", guide, { reasonCode: "workload", on: "2026-02-01" }).allowed).toBe(true);
  });

  it("asks the diploma's date, and lets neither the student nor the school record an outcome", () => {
    expect(check(running, "graduate").blockers).toEqual([{ code: "dateRequired" }]);
    expect(check(running, "graduate", guide, { on: "2026-06-30" }).allowed).toBe(true);
    for (const who of [trainee, viewer("school")])
      expect(check(running, "graduate", who, { on: "2026-06-30" }).blockers).toEqual([{ code: "notYourStep" }]);
  });

  it("accepts an outcome's date from the start up to today", () => {
    expect(effectiveDateProblem("2026-12-05", "2025-09-01", "2026-12-04")).toBe("field.dateInFuture");
    expect(effectiveDateProblem("2025-08-31", "2025-09-01", "2026-12-04")).toBe("field.dateBeforeStart");
    expect(effectiveDateProblem("2025-09-01", "2025-09-01", "2026-12-04")).toBeNull();
    expect(effectiveDateProblem("2026-12-04", "2025-09-01", "2026-12-04")).toBeNull();
  });
});

describe("availableTransitions properties", () => {
  it("lists a person's own steps from here, blocked exactly as the change with a reason would be", () => {
    fc.assert(
      fc.property(arbCase, ({ state, viewer: who }) => {
        const list = availableTransitions(state, who);
        const own = state.regime.transitions.filter(
          (t) => t.from.includes(state.status) && t.by.some((role) => actorsOf(who).includes(role)),
        );
        expect(list.map((t) => t.transition.key)).toEqual(own.map((t) => t.key));
        for (const item of list) {
          expect(item.blockers.map((b) => b.code)).not.toContain("reasonRequired");
          const withReason = checkTransition(state, item.transition, who, {
            reason: "Ziekte",
            reasonCode: reasonOptions(item.transition)[0]?.value ?? null,
            on: "2026-01-01",
          });
          expect(item.allowed).toBe(withReason.allowed);
          expect(item.overridable).toBe(withReason.overridable);
        }
      }),
    );
  });
});

const sampleBlockers: Record<Blocker["code"], fc.Arbitrary<Blocker>> = {
  notAllowedFrom: fc.constantFrom("draft", "running", "completed", "somewhere").map((status) => ({
    code: "notAllowedFrom" as const,
    status,
  })),
  notYourStep: fc.constant({ code: "notYourStep" }),
  reasonNotChosen: fc.constant({ code: "reasonNotChosen" }),
  dateRequired: fc.constant({ code: "dateRequired" }),
  intakeIncomplete: fc
    .subarray(["reason", "concerns_and_wishes", "working_agreements", "question", "unknown_field"], { minLength: 1 })
    .map((fields) => ({ code: "intakeIncomplete" as const, fields })),
  consentsMissing: fc
    .subarray(["visits", "timetable_changes", "self_assessment"], { minLength: 1 })
    .map((consents) => ({ code: "consentsMissing" as const, consents })),
  tooFewGoals: fc
    .record({ min: fc.integer({ min: 1, max: 100 }), count: fc.integer({ min: 0, max: 100 }) })
    .map((n) => ({ code: "tooFewGoals" as const, ...n })),
  goalsNotApproved: fc.constant({ code: "goalsNotApproved" }),
  goalChangesNotApproved: fc
    .integer({ min: 0, max: 100 })
    .map((goals) => ({ code: "goalChangesNotApproved" as const, goals })),
  meetingsMissing: fc
    .record({
      meetingType: fc.constantFrom("classroom_visit", "feedback_conversation", "intake", "unknown_type"),
      min: fc.integer({ min: 1, max: 100 }),
      held: fc.integer({ min: 0, max: 100 }),
    })
    .map((n) => ({ code: "meetingsMissing" as const, ...n })),
  reportNotFinal: fc.constant({ code: "reportNotFinal" }),
  reasonRequired: fc.constant({ code: "reasonRequired" }),
};

describe("describeBlocker", () => {
  it("gives every blocker a Dutch and an English sentence, not empty and not the same", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_REGIMES),
        fc.oneof(...Object.values(sampleBlockers)),
        (regime, blocker) => {
          const nl = describeBlocker(regime, blocker, "nl");
          const en = describeBlocker(regime, blocker, "en");
          expect(nl.trim().length).toBeGreaterThan(5);
          expect(en.trim().length).toBeGreaterThan(5);
          expect(nl).not.toBe(en);
          expect(nl).toMatch(/[.]$/);
          expect(en).toMatch(/[.]$/);
        },
      ),
    );
  });

  it("fills in the numbers and names of the blocker", () => {
    const missing: Blocker = { code: "meetingsMissing", meetingType: "classroom_visit", min: 3, held: 2 };
    expect(describeBlocker(teacher, missing, "nl")).toBe(
      "Er zijn minstens 3 × klassenbezoek nodig; er zijn er 2 gehouden.",
    );
    expect(describeBlocker(teacher, missing, "en")).toBe("At least 3 × classroom visit needed; 2 held.");
    expect(describeBlocker(teacher, { code: "notAllowedFrom", status: "running" }, "nl")).toBe(
      "Dit kan niet in de status ‘Lopend’.",
    );
    expect(describeBlocker(teacher, { code: "tooFewGoals", min: 1, count: 0 }, "nl")).toBe(
      "Er is minstens 1 doel nodig; er zijn er 0.",
    );
    expect(describeBlocker(teacher, { code: "tooFewGoals", min: 2, count: 1 }, "en")).toBe(
      "At least 2 goals are needed; there is 1.",
    );
    expect(describeBlocker(teacher, { code: "intakeIncomplete", fields: ["reason", "working_agreements"] }, "nl")).toBe(
      "De intake is nog niet compleet: vul aanleiding en werkafspraken in.",
    );
    expect(describeBlocker(teacher, { code: "consentsMissing", consents: ["visits", "try_advice"] }, "en")).toContain(
      "(2 open)",
    );
  });
});

describe("meetingProgress and meetingWarnings", () => {
  it("counts held and planned meetings per type against the regime's numbers", () => {
    const state = trajectoryState({ held: { intake: 1, classroom_visit: 2 }, planned: { classroom_visit: 3 } });
    const visits = meetingProgress(state).find((p) => p.type === "classroom_visit");
    expect(visits).toEqual({
      type: "classroom_visit",
      min: 3,
      max: 5,
      held: 2,
      planned: 3,
      missing: 1,
      overMax: false,
      atMax: true,
    });
    const evaluation = meetingProgress(state).find((p) => p.type === "evaluation");
    expect(evaluation).toMatchObject({ min: 0, max: null, missing: 0, overMax: false, atMax: false });
    expect(meetingProgress(state).map((p) => p.type)).toEqual(teacher.meetingTypes.map((t) => t.key));
  });

  it("warns, without blocking, when more visits are held than the maximum", () => {
    const state = trajectoryState({
      status: "running",
      goals: 3,
      approved: true,
      held: { ...TEACHER_MINIMUM, classroom_visit: 6 },
    });
    expect(meetingWarnings(state).map((p) => [p.type, p.held, p.max])).toEqual([["classroom_visit", 6, 5]]);
    expect(meetingWarnings(trajectoryState({ held: { classroom_visit: 5 } }))).toEqual([]);
    expect(check(state, "report").allowed).toBe(true);
  });

  it("holds: held counts, missing = max(0, min - held), a warning exactly when held > max", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_REGIMES).chain((regime) => fc.tuple(fc.constant(regime), arbMeetings(regime, 40))),
        ([regime, meetings]) => {
          const progress = meetingProgress({ regime, meetings });
          const warnings = meetingWarnings({ regime, meetings });
          for (const type of regime.meetingTypes) {
            const held = meetings.filter((m) => m.type === type.key && m.status === "held").length;
            const planned = meetings.filter((m) => m.type === type.key && m.status === "planned").length;
            const line = progress.find((p) => p.type === type.key)!;
            expect(line).toMatchObject({ held, planned, missing: Math.max(0, type.min - held) });
            const over = type.max !== null && held > type.max;
            expect(line.overMax).toBe(over);
            expect(warnings.some((w) => w.type === type.key)).toBe(over);
          }
        },
      ),
    );
  });
});

describe("goalListState and unapprovedGoals", () => {
  it("is empty without goals, unapproved before the first approval", () => {
    expect(goalListState(trajectoryState())).toBe("empty");
    expect(goalListState(trajectoryState({ goals: 3 }))).toBe("unapproved");
    expect(unapprovedGoals(trajectoryState({ goals: 3 })).map((g) => g.position)).toEqual([1, 2, 3]);
  });

  it("is approved when the goals are exactly the last approved list", () => {
    const state = trajectoryState({ goals: 3, approved: true });
    expect(goalListState(state)).toBe("approved");
    expect(unapprovedGoals(state)).toEqual([]);
  });

  it("is changed after a title edit, and lists the edited goal", () => {
    const state = trajectoryState({ goals: 3, approved: true });
    state.goals[2] = { ...state.goals[2]!, title: "Werkt met strategieën" };
    expect(goalListState(state)).toBe("changed");
    expect(unapprovedGoals(state)).toEqual([state.goals[2]]);
  });

  it("is changed after adding or removing a goal; an added goal is listed", () => {
    const added = trajectoryState({ goals: 3, approved: true });
    added.goals.push(goal(4));
    expect(goalListState(added)).toBe("changed");
    expect(unapprovedGoals(added)).toEqual([goal(4)]);
    const removed = trajectoryState({ goals: 3, approved: true });
    removed.goals.pop();
    expect(goalListState(removed)).toBe("changed");
    expect(unapprovedGoals(removed)).toEqual([]);
  });

  it("stays approved when positions are renumbered in the same order, and is changed when the order changes", () => {
    const renumbered = trajectoryState({ goals: 3, approved: true });
    renumbered.goals = renumbered.goals.map((g) => ({ ...g, position: g.position * 10 }));
    expect(goalListState(renumbered)).toBe("approved");

    // The approved list is numbered; a new order is a new list. No single goal changed, though.
    const swapped = trajectoryState({ goals: 3, approved: true });
    swapped.goals = swapped.goals.map((g) => ({ ...g, position: 4 - g.position }));
    expect(goalListState(swapped)).toBe("changed");
    expect(unapprovedGoals(swapped)).toEqual([]);
  });

  it("compares with the latest approved list, not an older one", () => {
    const state = trajectoryState({ goals: 2 });
    state.approvedGoalLists = [
      { number: 1, goals: [goal(1)], approvedAt: "2026-01-10T10:00:00Z" },
      { number: 2, goals: [goal(1), goal(2)], approvedAt: "2026-01-20T10:00:00Z" },
    ];
    expect(goalListState(state)).toBe("approved");
    state.approvedGoalLists.reverse();
    expect(goalListState(state)).toBe("changed");
  });

  const approve = (state: TrajectoryState): TrajectoryState => ({
    ...state,
    approvedGoalLists: [
      ...state.approvedGoalLists,
      { number: state.approvedGoalLists.length + 1, goals: structuredClone(state.goals), approvedAt: "now" },
    ],
  });

  it("is approved right after approving whatever the list is", () => {
    fc.assert(
      fc.property(arbState(teacherRegime()), (state) => {
        const approved = approve(state);
        expect(goalListState(approved)).toBe(state.goals.length ? "approved" : "empty");
        expect(unapprovedGoals(approved)).toEqual([]);
      }),
    );
  });

  it("is changed after any edit of a goal's title, rationale or success criteria", () => {
    const edit = fc.record({
      field: fc.constantFrom("title" as const, "rationale" as const, "successCriteria" as const),
      index: fc.nat(),
      title: fc.string({ minLength: 1, maxLength: 20 }),
      criteria: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        arbGoals().filter((g) => g.length > 0),
        edit,
        (goals, e) => {
          const state = approve(trajectoryState({ goals }));
          const i = e.index % goals.length;
          const before = goals[i]!;
          const after = { ...before };
          if (e.field === "title") after.title = e.title;
          if (e.field === "rationale") after.rationale = before.rationale === "necessity" ? "wish" : "necessity";
          if (e.field === "successCriteria") after.successCriteria = e.criteria;
          fc.pre(JSON.stringify(after) !== JSON.stringify(before));
          const edited = { ...state, goals: goals.map((g, j) => (j === i ? after : g)) };
          expect(goalListState(edited)).toBe("changed");
          expect(unapprovedGoals(edited)).toEqual([after]);
        },
      ),
    );
  });
});

describe("missingGoalFields", () => {
  it("names the rationale and success criteria only where the regime requires them", () => {
    const strict = copyRegime(teacher, (r) => {
      r.goals.requireRationale = true;
      r.goals.requireSuccessCriteria = true;
    });
    expect(missingGoalFields(strict, { rationale: null, successCriteria: "  " })).toEqual([
      "rationale",
      "successCriteria",
    ]);
    expect(missingGoalFields(strict, { rationale: "necessity", successCriteria: "Rust in de klas" })).toEqual([]);
    const loose = copyRegime(teacher, (r) => {
      r.goals.requireRationale = false;
      r.goals.requireSuccessCriteria = false;
    });
    expect(missingGoalFields(loose, {})).toEqual([]);
  });
});

describe("mayAddGoal", () => {
  it("allows the 15th goal of a teacher trajectory but not the 16th", () => {
    expect(mayAddGoal(teacher, 14)).toBe(true);
    expect(mayAddGoal(teacher, 15)).toBe(false);
    expect(mayAddGoal(teacher, 16)).toBe(false);
  });

  it("follows a copied regime's maximum and has no limit in coaching", () => {
    const ten = copyRegime(teacher, (r) => {
      r.goals.max = 10;
    });
    expect(mayAddGoal(ten, 9)).toBe(true);
    expect(mayAddGoal(ten, 10)).toBe(false);
    expect(mayAddGoal(coachingRegime(), 0)).toBe(true);
    expect(mayAddGoal(coachingRegime(), 500)).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_REGIMES, builtinRegime } from "../regimes/builtin.js";
import { ADMIN_ACTIONS, VISIBLE_PARTS, type VisiblePart } from "../regimes/schema.js";
import type { Viewer } from "./model.js";
import {
  auditFor,
  canManageParticipants,
  canRecordWorkHours,
  canSee,
  canSeeMeeting,
  canSeeNotes,
  canStartTrajectory,
  canViewTrajectory,
  optionalRoles,
  type TrajectoryAbilities,
  trajectoryAbilities,
} from "./policy.js";
import { adminViewer, arbViewer, coachingRegime, outsider, teacherRegime, viewer } from "./test-factories.js";

const teacher = teacherRegime();
const trainee = viewer("trainee");
const guide = viewer("guide");
const commissioner = viewer("commissioner");

const seen = (who: Viewer) => VISIBLE_PARTS.filter((part) => canSee(who, teacher, part));

const unannouncedVisit = { unannounced: true, status: "planned" };
const NOTHING: TrajectoryAbilities = {
  editPlan: false,
  consent: false,
  editGoals: false,
  approveGoals: false,
  planMeetings: false,
  recordMeetings: false,
  selfAssess: false,
  writeReport: false,
  seeHours: false,
  seeBilling: false,
  seeReport: false,
  manageParticipants: false,
  recordWorkHours: false,
};

describe("trajectory policy, teacher trajectory", () => {
  it("the trainee sees all but billing, is kept from an unannounced visit until it is held, and self-assesses", () => {
    expect(canViewTrajectory(trainee)).toBe(true);
    expect(seen(trainee)).toEqual(VISIBLE_PARTS.filter((p) => p !== "billing"));
    expect(canSeeMeeting(trainee, teacher, unannouncedVisit)).toBe(false);
    expect(canSeeMeeting(trainee, teacher, { unannounced: true, status: "cancelled" })).toBe(false);
    expect(canSeeMeeting(trainee, teacher, { unannounced: true, status: "held" })).toBe(true);
    expect(canSeeMeeting(trainee, teacher, { unannounced: false, status: "planned" })).toBe(true);
    expect(canSeeNotes(trainee, teacher, { confidential: true })).toBe(true);
    expect(trajectoryAbilities(trainee, teacher)).toEqual({
      ...NOTHING,
      consent: true,
      selfAssess: true,
      seeHours: true,
      seeReport: true,
    });
  });

  it("the guide sees everything, plans and records meetings, writes goals and the report", () => {
    expect(canViewTrajectory(guide)).toBe(true);
    expect(seen(guide)).toEqual([...VISIBLE_PARTS]);
    expect(canSeeMeeting(guide, teacher, unannouncedVisit)).toBe(true);
    expect(canSeeNotes(guide, teacher, { confidential: true })).toBe(true);
    expect(trajectoryAbilities(guide, teacher)).toEqual({
      ...NOTHING,
      editPlan: true,
      editGoals: true,
      planMeetings: true,
      recordMeetings: true,
      writeReport: true,
      seeHours: true,
      seeBilling: true,
      seeReport: true,
    });
  });

  it("the commissioner sees no confidential notes, feedback or self-assessments, and approves the goals", () => {
    expect(canViewTrajectory(commissioner)).toBe(true);
    expect(seen(commissioner)).toEqual(["plan", "goals", "meetings", "notes", "hours", "report", "billing"]);
    for (const part of ["confidentialNotes", "feedback", "selfAssessments"] as const)
      expect(canSee(commissioner, teacher, part)).toBe(false);
    expect(canSeeMeeting(commissioner, teacher, unannouncedVisit)).toBe(true);
    expect(canSeeNotes(commissioner, teacher, { confidential: true })).toBe(false);
    expect(canSeeNotes(commissioner, teacher, { confidential: false })).toBe(true);
    expect(trajectoryAbilities(commissioner, teacher)).toEqual({
      ...NOTHING,
      approveGoals: true,
      seeHours: true,
      seeBilling: true,
      seeReport: true,
    });
  });

  it("the organisation admin manages: no confidential notes, feedback or self-assessments, no approving goals", () => {
    const admin = adminViewer();
    expect(canViewTrajectory(admin)).toBe(true);
    // What the opdrachtgever reads, no more.
    expect(seen(admin)).toEqual(seen(commissioner));
    for (const part of ["confidentialNotes", "feedback", "selfAssessments"] as const)
      expect(canSee(admin, teacher, part)).toBe(false);
    expect(canSeeMeeting(admin, teacher, unannouncedVisit)).toBe(true);
    expect(canSeeNotes(admin, teacher, { confidential: true })).toBe(false);
    expect(canSeeNotes(admin, teacher, { confidential: false })).toBe(true);
    expect(trajectoryAbilities(admin, teacher)).toEqual({
      ...NOTHING,
      editPlan: true,
      planMeetings: true,
      seeHours: true,
      seeBilling: true,
      seeReport: true,
    });
  });

  it("the admin reads and does what the regime's data says, also when a regime gives more", () => {
    const generous = { ...teacher, admin: { sees: [...VISIBLE_PARTS], does: [...ADMIN_ACTIONS] } };
    expect(VISIBLE_PARTS.filter((part) => canSee(adminViewer(), generous, part))).toEqual([...VISIBLE_PARTS]);
    expect(trajectoryAbilities(adminViewer(), generous)).toMatchObject({
      editGoals: true,
      approveGoals: true,
      writeReport: true,
    });
    const none = { ...teacher, admin: { sees: [], does: [] } };
    expect(VISIBLE_PARTS.filter((part) => canSee(adminViewer(), none, part))).toEqual([]);
    expect(trajectoryAbilities(adminViewer(), none)).toEqual(NOTHING);
    // An admin who is also the opdrachtgever approves as the opdrachtgever.
    expect(trajectoryAbilities({ ...commissioner, admin: true }, teacher).approveGoals).toBe(true);
  });

  it("the audit log names what changed in notes the admin may not read, and shows the rest", () => {
    const change = { before: { notes: "oud" }, after: { notes: "vertrouwelijk", trajectoryId: "t1" } };
    expect(auditFor(teacher, "confidentialNotes", change)).toEqual({
      after: { changed: ["notes"], trajectoryId: "t1" },
    });
    expect(auditFor(teacher, "feedback", change)).toEqual({ after: { changed: ["notes"], trajectoryId: "t1" } });
    expect(auditFor(teacher, "plan", change)).toBe(change);
  });

  it("someone outside the trajectory sees and may do nothing", () => {
    const stranger = outsider();
    expect(canViewTrajectory(stranger)).toBe(false);
    expect(seen(stranger)).toEqual([]);
    expect(canSeeMeeting(stranger, teacher, { unannounced: false, status: "held" })).toBe(false);
    expect(canSeeNotes(stranger, teacher, { confidential: false })).toBe(false);
    expect(trajectoryAbilities(stranger, teacher)).toEqual(NOTHING);
  });

  it("shows an unannounced visit to someone who is trainee and guide at once", () => {
    expect(canSeeMeeting(viewer("trainee", "guide"), teacher, unannouncedVisit)).toBe(true);
  });
});

describe("trajectory policy, coaching", () => {
  const coaching = coachingRegime();

  it("lets the coachee write goals and asks nobody to approve them", () => {
    expect(trajectoryAbilities(trainee, coaching)).toMatchObject({ editGoals: true, approveGoals: false });
    expect(trajectoryAbilities(commissioner, coaching).approveGoals).toBe(false);
    expect(trajectoryAbilities(adminViewer(), coaching).approveGoals).toBe(false);
  });

  it("shows the commissioner only the plan and the billing, not the meetings", () => {
    expect(VISIBLE_PARTS.filter((part) => canSee(commissioner, coaching, part))).toEqual(["plan", "billing"]);
    expect(canSeeMeeting(commissioner, coaching, { unannounced: false, status: "held" })).toBe(false);
  });
});

describe("canStartTrajectory", () => {
  it("lets the client, the training officer and the admin start a trajectory", () => {
    expect(canStartTrajectory(["client"])).toBe(true);
    expect(canStartTrajectory(["training_officer"])).toBe(true);
    expect(canStartTrajectory(["admin"])).toBe(true);
    expect(canStartTrajectory(["guide", "trainee", "trainer"])).toBe(false);
    expect(canStartTrajectory([])).toBe(false);
  });
});

describe("canSee property", () => {
  it("an admin sees what the regime lets the admin see; anyone also sees what one of their roles sees", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_REGIMES),
        arbViewer(),
        fc.constantFrom<VisiblePart>(...VISIBLE_PARTS),
        (regime, who, part) => {
          const byRoles = who.participantRoles.some((role) =>
            regime.participants.some((p) => p.role === role && p.sees.includes(part)),
          );
          const byAdmin = who.admin && regime.admin.sees.includes(part);
          expect(canSee(who, regime, part)).toBe(byAdmin || byRoles);
          expect(canViewTrajectory(who)).toBe(who.admin || who.participantRoles.length > 0);
        },
      ),
    );
  });
});

describe("supervisie keeps its content from the employer and the admin", () => {
  const supervisie = BUILTIN_REGIMES.find((r) => r.key === "supervisie")!;
  const only = (who: Viewer) => VISIBLE_PARTS.filter((part) => canSee(who, supervisie, part));

  it("the admin and the commissioner see only the hours; the supervisor and supervisant everything of their own", () => {
    expect(only(adminViewer())).toEqual(["hours"]);
    expect(only(viewer("commissioner"))).toEqual(["hours"]);
    expect(canSeeMeeting(adminViewer(), supervisie, { unannounced: false, status: "held" })).toBe(false);
    expect(canSeeNotes(adminViewer(), supervisie, { confidential: false })).toBe(false);
    expect(only(viewer("guide"))).toEqual([...VISIBLE_PARTS]);
    expect(only(viewer("trainee"))).toEqual(VISIBLE_PARTS.filter((p) => p !== "billing"));
  });

  it("the admin does not write the plan, meetings or report of a supervisie they cannot read", () => {
    expect(trajectoryAbilities(adminViewer(), supervisie)).toEqual({ ...NOTHING, seeHours: true });
    expect(trajectoryAbilities(adminViewer(), teacher)).toMatchObject({
      editPlan: true,
      planMeetings: true,
      writeReport: false,
    });
  });

  it("the audit log names what changed in a supervisie, not the content", () => {
    const change = { before: { vorm: "oud" }, after: { vorm: "nieuw", trajectoryId: "t1" } };
    expect(auditFor(supervisie, "plan", change)).toEqual({ after: { changed: ["vorm"], trajectoryId: "t1" } });
    expect(auditFor(teacher, "plan", change)).toBe(change);
  });

  it("an admin who is also the supervisor sees what the supervisor sees", () => {
    const both: Viewer = { ...viewer("guide"), admin: true };
    expect(only(both)).toEqual([...VISIBLE_PARTS]);
  });
});

describe("who changes the parts of a running BPV trajectory", () => {
  const bpv = builtinRegime("bpv")!;

  it("offers the parts it can do without, to the guide and the praktijkopleider only", () => {
    expect(optionalRoles(bpv)).toEqual(["commissioner", "school", "co_guide"]);
    for (const role of ["guide", "commissioner"] as const)
      expect(trajectoryAbilities(viewer(role), bpv).manageParticipants, role).toBe(true);
    for (const role of ["trainee", "school", "co_guide"] as const)
      expect(trajectoryAbilities(viewer(role), bpv).manageParticipants, role).toBe(false);
    expect(canManageParticipants(adminViewer(), bpv)).toBe(true);
  });

  it("has the workplace record the hours worked, which the student and the school read", () => {
    for (const role of ["guide", "commissioner"] as const)
      expect(trajectoryAbilities(viewer(role), bpv).recordWorkHours, role).toBe(true);
    for (const role of ["trainee", "school", "co_guide"] as const)
      expect(trajectoryAbilities(viewer(role), bpv).recordWorkHours, role).toBe(false);
    expect(canRecordWorkHours(adminViewer(), bpv)).toBe(false);
    expect(canRecordWorkHours(viewer("guide"), teacher)).toBe(false);
    for (const role of ["trainee", "school"] as const) expect(canSee(viewer(role), bpv, "hours"), role).toBe(true);
  });

  it("lets the BPV-docent and a co-guide read the path but not the confidential notes or self-assessments", () => {
    for (const role of ["school", "co_guide"] as const) {
      expect(canSee(viewer(role), bpv, "notes"), role).toBe(true);
      expect(canSee(viewer(role), bpv, "confidentialNotes"), role).toBe(false);
      expect(canSee(viewer(role), bpv, "selfAssessments"), role).toBe(false);
    }
  });
});

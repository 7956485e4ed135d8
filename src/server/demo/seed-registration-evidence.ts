import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { memberships, registrations } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { listDeclarations } from "../declarations/get-declarations.js";
import { signDeclaration } from "../declarations/sign-declaration.js";
import { evidenceOf } from "../evidence/ledger.js";
import { createGroup } from "../intervision/groups.js";
import {
  confirmAttendance,
  loadGroupMeeting,
  planGroupMeeting,
  recordHeld,
  saveNotes,
} from "../intervision/meetings.js";
import { inTenant } from "../tenancy.js";
import { changeStatus } from "../trajectories/change-status.js";
import { createTrajectory } from "../trajectories/create-trajectory.js";
import { getTrajectory } from "../trajectories/get-trajectory.js";
import { loadTrajectory } from "../trajectories/load-trajectory.js";
import { planMeeting } from "../trajectories/meetings.js";
import { updatePlan } from "../trajectories/update-plan.js";
import { actorFor, at, day, hold } from "./seed-trajectories.js";

/**
 * Registration evidence in De Linde, for `npm start`: Daan Bakker, a master orthopedagoog in
 * re-registration, halfway an SKJ werkbegeleiding with Sanne Visser (start declaration signed by
 * both, five sessions held), and an intervisie group of four with two meetings behind it and one
 * ahead. His ledger then shows werkbegeleiding and intervisie against his requirement profile.
 * Made through the same use cases as the API, so the demo obeys the rules.
 */
export async function seedDemoRegistrationEvidence(db: Db, now = new Date()) {
  const employer = await actorFor(db, "de-linde", "fatima.yilmaz@delinde.example");
  const guide = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const professional = await actorFor(db, "de-linde", "daan.bakker@delinde.example");
  const officer = await actorFor(db, "de-linde", "joost.smit@delinde.example");
  const trainer = await actorFor(db, "de-linde", "eva.mulder@delinde.example");
  const as = <T>(actor: Actor, work: (tx: Tx, actor: Actor) => Promise<T>) => inTenant(db, actor, work);

  // Daan's registration is measured against the SKJ master profile; Fatima is his manager.
  await db
    .update(registrations)
    .set({ requirementProfile: "skj_master_under_3648" })
    .where(eq(registrations.membershipId, professional.membershipId));
  await db
    .update(memberships)
    .set({ managerId: employer.membershipId })
    .where(
      and(eq(memberships.id, professional.membershipId), eq(memberships.organisationId, professional.organisationId)),
    );

  const trajectoryId = await as(employer, (tx, actor) =>
    createTrajectory(tx, actor, {
      regimeKey: "skj_werkbegeleiding",
      title: "Werkbegeleiding Daan Bakker, herregistratie SKJ",
      traineeId: professional.membershipId,
      guideIds: [guide.membershipId],
      startsOn: day(now, -120),
      endsOn: day(now, 400),
    }),
  );
  await as(guide, async (tx, actor) => {
    const { row } = await loadTrajectory(tx, actor, trajectoryId);
    await updatePlan(tx, actor, trajectoryId, {
      version: row.version,
      plan: {
        vorm: "Individuele werkbegeleiding, afwisselend op kantoor en bij gezinsgesprekken waar Sanne meekijkt.",
        inhoud:
          "Diagnostiek en indicatiestelling bij jeugdigen met gedragsproblemen, gespreksvoering met ouders, en het schrijven van handelingsgerichte adviezen.",
        intensiteit:
          "De eerste drie maanden om de twee weken een uur, daarna maandelijks, het laatste halfjaar om de zes weken.",
        organisatievorm: "traditioneel",
      },
      intensity: row.intensity,
      evaluationMoments: [
        { date: day(now, -30), label: "Eerste evaluatie" },
        { date: day(now, 5), label: "Tussenevaluatie" },
        { date: day(now, 380), label: "Eindevaluatie" },
      ],
    });
    await changeStatus(tx, actor, trajectoryId, { transition: "agree" }, "nl");
    await changeStatus(tx, actor, trajectoryId, { transition: "start" }, "nl");
  });

  // Both sign the start declaration (form A); the demo's signatures come from this machine.
  const start = await as(professional, async (tx, actor) => {
    const list = await listDeclarations(tx, actor, trajectoryId, "nl");
    return list.items.find((d) => d.key === "start")?.id;
  });
  if (!start) throw new Error("demo: no start declaration");
  for (const signer of [professional, guide])
    await as(signer, (tx, actor) =>
      signDeclaration(tx, actor, start, { ip: "127.0.0.1", userAgent: "Koers demo", confirm: async () => null }, "nl"),
    );

  await as(guide, async (tx, actor) => {
    const held = [-112, -98, -84, -70, -42];
    for (const [i, offset] of held.entries()) {
      const id = await planMeeting(tx, actor, trajectoryId, {
        type: i === 3 ? "evaluatie" : "werkbegeleidingsgesprek",
        startsAt: at(now, offset, "14:00"),
        unannounced: false,
      });
      await hold(tx, actor, id, {
        location: "De Linde, kantoor Gorinchem",
        mode: "in_person",
        notes: "Casuïstiek besproken en afspraken voor het volgende gesprek gemaakt.",
      });
    }
    await planMeeting(tx, actor, trajectoryId, {
      type: "werkbegeleidingsgesprek",
      startsAt: at(now, 10, "14:00"),
      unannounced: false,
    });
  });

  // An intervisie group of four peers, none the manager of another.
  const groupId = await as(officer, (tx, actor) =>
    createGroup(tx, actor, {
      name: "Intervisie gedragswetenschappers",
      description: "Gedragswetenschappers van De Linde, om de zes weken, met de incidentmethode.",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
      memberIds: [professional.userId, guide.userId, officer.userId, trainer.userId],
    }),
  );
  const members = [professional, guide, officer, trainer];
  for (const offset of [-84, -42]) {
    const meetingId = await as(guide, (tx, actor) =>
      planGroupMeeting(tx, actor, groupId, {
        startsAt: at(now, offset, "09:30"),
        endsAt: at(now, offset, "11:00"),
      }),
    );
    await as(guide, async (tx, actor) => {
      const { meeting } = await loadGroupMeeting(tx, actor, meetingId);
      await recordHeld(tx, actor, meetingId, { version: meeting.version, presentIds: members.map((m) => m.userId) });
      const { meeting: held } = await loadGroupMeeting(tx, actor, meetingId);
      await saveNotes(tx, actor, meetingId, {
        version: held.version,
        notes: "Casus over een vastgelopen gezinsgesprek; advies: eerst de hulpvraag van de ouders scherp krijgen.",
      });
    });
    for (const member of members)
      await as(member, (tx, actor) => confirmAttendance(tx, actor, meetingId, actor.userId));
  }
  await as(guide, (tx, actor) =>
    planGroupMeeting(tx, actor, groupId, { startsAt: at(now, 14, "09:30"), endsAt: at(now, 14, "11:00") }),
  );

  // Sanne opens Daan's trajectory and Joost his ledger, so Daan's "who viewed my data" has reads.
  await as(guide, (tx, actor) => getTrajectory(tx, actor, trajectoryId, "nl"));
  await as(officer, (tx, actor) => evidenceOf(tx, actor, professional.membershipId, undefined, "nl"));
}

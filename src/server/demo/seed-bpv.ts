import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { trajectories } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { createQualification } from "../qualifications/service.js";
import { inTenant } from "../tenancy.js";
import { changeStatus } from "../trajectories/change-status.js";
import { createTrajectory } from "../trajectories/create-trajectory.js";
import { loadTrajectory } from "../trajectories/load-trajectory.js";
import { addGoal } from "../trajectories/manage-goals.js";
import { saveMeetingPart } from "../trajectories/meeting-parts.js";
import { planMeeting } from "../trajectories/meetings.js";
import { updatePlan } from "../trajectories/update-plan.js";
import { recordWorkHours } from "../trajectories/work-hours.js";
import { actorFor, at, day, hold } from "./seed-trajectories.js";

type Outcome =
  | { kind: "ongoing" }
  | { kind: "intake" }
  | { kind: "diploma"; afterDays: number }
  | { kind: "stopped"; afterDays: number; reason: string; note?: string };

interface Student {
  name: string;
  level: "mbo2" | "mbo3" | "mbo4" | "side_entrant";
  /** Days before today the placement started: about two years, one year and a season ago, three cohorts. */
  startedDaysAgo: number;
  outcome: Outcome;
}

const TWO_YEARS_AGO = 820;
const LAST_YEAR = 455;
const THIS_YEAR = 95;

/** De Linde's students: werkbegeleider Sanne, praktijkopleider Joost, BPV-docent Peter of ROC West. */
const LINDE: Student[] = [
  {
    name: "Milan de Groot",
    level: "mbo3",
    startedDaysAgo: TWO_YEARS_AGO,
    outcome: { kind: "diploma", afterDays: 700 },
  },
  {
    name: "Tim Verhoeven",
    level: "mbo3",
    startedDaysAgo: TWO_YEARS_AGO,
    outcome: { kind: "stopped", afterDays: 200, reason: "workload", note: "Werk en school samen werden te zwaar." },
  },
  {
    name: "Lotte Smits",
    level: "mbo2",
    startedDaysAgo: TWO_YEARS_AGO,
    outcome: { kind: "stopped", afterDays: 60, reason: "wrong_choice" },
  },
  { name: "Yara Mahabier", level: "mbo4", startedDaysAgo: TWO_YEARS_AGO, outcome: { kind: "ongoing" } },
  {
    name: "Jesse van Dam",
    level: "mbo3",
    startedDaysAgo: LAST_YEAR,
    outcome: { kind: "stopped", afterDays: 120, reason: "guidance" },
  },
  { name: "Amira Haddou", level: "mbo4", startedDaysAgo: LAST_YEAR, outcome: { kind: "ongoing" } },
  { name: "Ruben Koster", level: "side_entrant", startedDaysAgo: THIS_YEAR, outcome: { kind: "ongoing" } },
  { name: "Fleur Vermeulen", level: "mbo2", startedDaysAgo: THIS_YEAR, outcome: { kind: "intake" } },
];

/** De Wilgen's students: werkbegeleider Esther, praktijkopleider Ingrid, BPV-docent Tom of Da Vinci College. */
const WILGEN: Student[] = [
  { name: "Bas Hendriks", level: "mbo3", startedDaysAgo: TWO_YEARS_AGO, outcome: { kind: "diploma", afterDays: 680 } },
  {
    name: "Iris Willemsen",
    level: "mbo3",
    startedDaysAgo: TWO_YEARS_AGO,
    outcome: { kind: "stopped", afterDays: 400, reason: "personal" },
  },
  {
    name: "Kevin Tran",
    level: "mbo2",
    startedDaysAgo: TWO_YEARS_AGO,
    outcome: { kind: "stopped", afterDays: 30, reason: "workload" },
  },
  {
    name: "Naomi Pinas",
    level: "mbo2",
    startedDaysAgo: LAST_YEAR,
    outcome: { kind: "stopped", afterDays: 50, reason: "wrong_choice" },
  },
  { name: "Stijn Mulder", level: "mbo3", startedDaysAgo: LAST_YEAR, outcome: { kind: "ongoing" } },
  { name: "Demi Visser", level: "mbo4", startedDaysAgo: THIS_YEAR, outcome: { kind: "ongoing" } },
];

/** The students of both organisations, who sign in with the demo password (listed here, not at start). */
export const BPV_STUDENTS = [
  ...LINDE.map((s) => ({ org: "linde" as const, ...s })),
  ...WILGEN.map((s) => ({ org: "wilgen" as const, ...s })),
];

export const studentEmail = (name: string, org: "linde" | "wilgen") =>
  `${name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]+/g, ".")}@${org === "linde" ? "delinde" : "dewilgen"}.example`;

const STAFF = {
  linde: {
    slug: "de-linde",
    officer: "joost.smit@delinde.example",
    guide: "sanne.visser@netwerk.example",
    school: "peter.jansen@rocwest.example",
    qualification: "Verzorgende IG",
    schoolName: "ROC West",
  },
  wilgen: {
    slug: "de-wilgen",
    officer: "ingrid.bos@dewilgen.example",
    guide: "esther.kok@dewilgen.example",
    school: "tom.dewit@davinci.example",
    qualification: "Maatschappelijke zorg",
    schoolName: "Da Vinci College",
  },
} as const;

/**
 * An example of a qualification's core tasks and work processes as De Linde's praktijkopleider
 * keeps them, to pick a student's goals from. Named an example: the school's own qualification
 * file is the source an organisation copies from.
 */
const EXAMPLE_QUALIFICATION = `B1-K1 Biedt zorg en ondersteuning aan cliënten
B1-K1-W1 Stelt de zorgbehoefte vast en plant de zorg
B1-K1-W2 Voert verzorgende taken uit
B1-K1-W3 Signaleert veranderingen in de gezondheid en rapporteert ze
B1-K1-W4 Draagt de zorg over bij de dienstwisseling
B1-K2 Werkt aan de eigen deskundigheid en aan kwaliteit
B1-K2-W1 Reflecteert op het eigen werk en vraagt feedback
B1-K2-W2 Werkt samen met collega's in het zorgteam`;

const DRIEGESPREK_PART =
  "Amira loopt op school goed mee; het praktijkexamen van kerntaak 1 staat in maart. Afgesproken: zij bereidt de overdracht zelfstandig voor en bespreekt die vooraf met Sanne.";

/**
 * A cohort of BPV students in De Linde and De Wilgen over three school years, with their
 * outcomes (diplomas, stops with their reasons, students still going), so the retention figures
 * show two years of history. Amira of De Linde's last cohort has goals, a progress conversation
 * and a three-way conversation with Peter's part written. Made through the use cases the API
 * calls, so the demo obeys the regime's rules.
 */
export async function seedDemoBpv(db: Db, now = new Date()) {
  const existing = await db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(eq(trajectories.regimeKey, "bpv"))
    .limit(1);
  if (existing.length) return;
  const as = <T>(actor: Actor, work: (tx: Tx, actor: Actor) => Promise<T>) => inTenant(db, actor, work);
  const joost = await actorFor(db, STAFF.linde.slug, STAFF.linde.officer);
  await as(joost, (tx, actor) =>
    createQualification(tx, actor, { name: "Verzorgende IG (voorbeeld)", code: null, text: EXAMPLE_QUALIFICATION }),
  );
  for (const student of BPV_STUDENTS) {
    const staff = STAFF[student.org];
    const officer = await actorFor(db, staff.slug, staff.officer);
    const guide = await actorFor(db, staff.slug, staff.guide);
    const school = await actorFor(db, staff.slug, staff.school);
    const trainee = await actorFor(db, staff.slug, studentEmail(student.name, student.org));
    const startsOn = day(now, -student.startedDaysAgo);
    const id = await as(officer, (tx, actor) =>
      createTrajectory(tx, actor, {
        regimeKey: "bpv",
        title: `BPV ${student.name}`,
        traineeId: trainee.membershipId,
        guideIds: [guide.membershipId],
        commissionerId: officer.membershipId,
        schoolContactId: school.membershipId,
        startsOn,
        endsOn: day(now, -student.startedDaysAgo + 3 * 365),
      }),
    );
    if (student.outcome.kind === "intake") continue;
    await as(guide, async (tx, actor) => {
      const { row } = await loadTrajectory(tx, actor, id);
      await updatePlan(tx, actor, id, {
        version: row.version,
        plan: {
          level: student.level,
          qualification: staff.qualification,
          school: staff.schoolName,
          bpv_hours: "24",
        },
        intensity: row.intensity,
        evaluationMoments: [],
      });
      await changeStatus(tx, actor, id, { transition: "start" }, "nl");
    });
    const outcome = student.outcome;
    if (outcome.kind === "diploma")
      await as(guide, (tx, actor) =>
        changeStatus(
          tx,
          actor,
          id,
          { transition: "graduate", on: day(now, -student.startedDaysAgo + outcome.afterDays) },
          "nl",
        ),
      );
    if (outcome.kind === "stopped")
      await as(guide, (tx, actor) =>
        changeStatus(
          tx,
          actor,
          id,
          {
            transition: "stop",
            reasonCode: outcome.reason,
            reason: outcome.note ?? null,
            on: day(now, -student.startedDaysAgo + outcome.afterDays),
          },
          "nl",
        ),
      );
    if (student.name === "Amira Haddou") {
      await showcase(db, id, { guide, school }, now);
      await as(officer, async (tx, actor) => {
        for (const month of workedMonths(startsOn, now)) await recordWorkHours(tx, actor, id, month);
      });
    }
  }
}

/** Hours of a month on the placement: the agreed 24 a week, less in the holidays of December and summer. */
const holidayHours = (month: number) => (month === 7 ? 60 : month === 8 ? 70 : month === 12 ? 90 : 100);

/**
 * A line per whole calendar month from the start to the month before this one, as a
 * praktijkopleider who records the roster's hours monthly (a month never crosses 1 August).
 */
function workedMonths(startsOn: string, now: Date) {
  const months: { from: string; to: string; minutes: number; note: null }[] = [];
  const today = day(now, 0);
  let [year, month] = startsOn.split("-").map(Number) as [number, number];
  month += 1;
  for (;;) {
    if (month > 12) [year, month] = [year + 1, 1];
    const from = `${year}-${String(month).padStart(2, "0")}-01`;
    const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (to >= today) return months;
    months.push({ from, to, minutes: holidayHours(month) * 60, note: null });
    month += 1;
  }
}

/** Amira's path: two goals, a progress conversation held, and a three-way conversation with Peter's part. */
async function showcase(db: Db, id: string, people: { guide: Actor; school: Actor }, now: Date) {
  await inTenant(db, people.guide, async (tx, actor) => {
    await addGoal(tx, actor, id, {
      title: "Amira draagt een cliënt zelfstandig over bij de dienstwisseling",
      rationale: null,
      successCriteria: "Drie overdrachten achter elkaar volledig, zonder aanvulling van de collega.",
    });
    await addGoal(tx, actor, id, {
      title: "Amira signaleert veranderingen in de gezondheid van een cliënt en meldt ze",
      rationale: null,
      successCriteria: "Ze rapporteert elke dienst in het zorgdossier en belt de verpleegkundige bij twijfel.",
    });
    const progress = await planMeeting(tx, actor, id, {
      type: "voortgangsgesprek",
      startsAt: at(now, -21, "14:00"),
      unannounced: false,
    });
    await hold(tx, actor, progress, {
      location: "Locatie De Linde, teamkamer",
      notes: "Overdrachten gaan beter; rapporteren blijft kort. Volgende keer een voorbeeld uit het dossier meenemen.",
    });
  });
  const three = await inTenant(db, people.guide, async (tx, actor) => {
    const meeting = await planMeeting(tx, actor, id, {
      type: "driegesprek",
      startsAt: at(now, -7, "15:30"),
      unannounced: false,
    });
    await hold(tx, actor, meeting, {
      location: "Locatie De Linde, met Peter Jansen van ROC West",
      notes: "Voortgang op de werkvloer goed; de leerdoelen van deze periode zijn voor de helft behaald.",
    });
    return meeting;
  });
  await inTenant(db, people.school, (tx, actor) =>
    saveMeetingPart(tx, actor, three, { version: null, text: DRIEGESPREK_PART }),
  );
}

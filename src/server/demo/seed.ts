import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { memberships, networks, organisations, registrations, users } from "../../db/schema.js";
import type { Role } from "../../domain/roles.js";
import { hashPassword } from "../auth/tokens.js";
import { BPV_STUDENTS, seedDemoBpv, studentEmail } from "./seed-bpv.js";
import { seedDemoCases } from "./seed-cases.js";
import { seedDemoFramework } from "./seed-competences.js";
import { seedDemoConsensusRound } from "./seed-consensus.js";
import { seedDemoEvents } from "./seed-events.js";
import { seedDemoModules } from "./seed-modules.js";
import { seedDemoPaths } from "./seed-paths.js";
import { seedDemoScans } from "./seed-scans.js";
import { seedDemoTrainers } from "./seed-trainers.js";
import { seedDemoTrajectories } from "./seed-trajectories.js";

const here = dirname(fileURLToPath(import.meta.url));
export const DEMO_PASSWORD = "Koers-demo-2026";

interface DemoPerson {
  email: string;
  name: string;
  orgs: Array<{ org: "linde" | "rivier" | "wilgen"; roles: Role[]; jobTitle?: string }>;
  experience?: number;
  dreyfus?: number;
  registration?: { register: string; registrationType: string; number: string; validUntil: string; rereg: string };
}

/** One person for every role; Sanne Visser works for two organisations. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: "beheer@delinde.example",
    name: "Anna de Vries",
    orgs: [{ org: "linde", roles: ["admin"], jobTitle: "Applicatiebeheerder" }],
  },
  {
    email: "beheer@rivierenland.example",
    name: "Youssef El Amrani",
    orgs: [{ org: "rivier", roles: ["admin"], jobTitle: "Functioneel beheerder" }],
  },
  {
    email: "sanne.visser@netwerk.example",
    name: "Sanne Visser",
    orgs: [
      { org: "linde", roles: ["guide", "network_coordinator"], jobTitle: "Orthopedagoog-generalist" },
      { org: "rivier", roles: ["guide"], jobTitle: "Werkbegeleider" },
    ],
    experience: 12,
    dreyfus: 5,
    registration: {
      register: "NVO",
      registrationType: "Orthopedagoog-Generalist",
      number: "NVO-104233",
      validUntil: "2029-06-30",
      rereg: "2029-06-30",
    },
  },
  {
    email: "daan.bakker@delinde.example",
    name: "Daan Bakker",
    orgs: [{ org: "linde", roles: ["trainee"], jobTitle: "Orthopedagoog (master)" }],
    experience: 2,
    dreyfus: 2,
    registration: {
      register: "SKJ",
      registrationType: "Jeugd- en gezinsprofessional (master)",
      number: "110004512",
      validUntil: "2028-03-01",
      rereg: "2028-03-01",
    },
  },
  {
    email: "fatima.yilmaz@delinde.example",
    name: "Fatima Yılmaz",
    orgs: [{ org: "linde", roles: ["client"], jobTitle: "Teamleider" }],
  },
  {
    email: "joost.smit@delinde.example",
    name: "Joost Smit",
    orgs: [{ org: "linde", roles: ["training_officer", "trainer"], jobTitle: "Praktijkopleider" }],
  },
  {
    email: "eva.mulder@delinde.example",
    name: "Eva Mulder",
    orgs: [{ org: "linde", roles: ["trainer"], jobTitle: "Trainer werkbegeleiding" }],
  },
  {
    email: "peter.jansen@rocwest.example",
    name: "Peter Jansen",
    orgs: [{ org: "linde", roles: ["school_contact"], jobTitle: "BPV-docent" }],
  },
  {
    email: "lisa.dekker@rivierenland.example",
    name: "Lisa Dekker",
    orgs: [{ org: "rivier", roles: ["trainee"], jobTitle: "Leerkracht groep 5" }],
  },
  {
    email: "mohamed.bouali@rivierenland.example",
    name: "Mohamed Bouali",
    orgs: [{ org: "rivier", roles: ["client"], jobTitle: "Directeur" }],
  },
  {
    email: "beheer@dewilgen.example",
    name: "Marieke Hoekstra",
    orgs: [{ org: "wilgen", roles: ["admin"], jobTitle: "Applicatiebeheerder" }],
  },
  {
    email: "ingrid.bos@dewilgen.example",
    name: "Ingrid Bos",
    orgs: [{ org: "wilgen", roles: ["training_officer", "trainer"], jobTitle: "Praktijkopleider" }],
  },
  {
    email: "karin.deboer@rivierenland.example",
    name: "Karin de Boer",
    orgs: [{ org: "rivier", roles: ["trainer"], jobTitle: "Leercoach" }],
  },
  {
    email: "bram.willems@rivierenland.example",
    name: "Bram Willems",
    orgs: [{ org: "rivier", roles: ["guide", "trainer"], jobTitle: "Intern begeleider" }],
  },
  {
    email: "esther.kok@dewilgen.example",
    name: "Esther Kok",
    orgs: [{ org: "wilgen", roles: ["guide"], jobTitle: "Werkbegeleider" }],
  },
  {
    email: "tom.dewit@davinci.example",
    name: "Tom de Wit",
    orgs: [{ org: "wilgen", roles: ["school_contact"], jobTitle: "BPV-docent" }],
  },
];

export async function hasData(db: Db) {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length > 0;
}

/** Whether the demo's people are in this database (seeded now or at an earlier start). */
export async function hasDemoPeople(db: Db) {
  const first = DEMO_PEOPLE[0]?.email ?? "";
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, first)).limit(1);
  return rows.length > 0;
}

/** Fills an empty database with the demo network. Runs as the owner, before any request. */
export async function seedDemo(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [network] = await tx.insert(networks).values({ name: "Leernetwerk Zuid-Holland Zuid" }).returning();
    const now = new Date();
    const [linde, rivier, wilgen] = await tx
      .insert(organisations)
      .values([
        {
          networkId: network?.id,
          slug: "de-linde",
          name: "Zorggroep De Linde",
          primaryColor: "#237a35",
          logo: readFileSync(join(here, "linde.png")),
          logoMime: "image/png",
          logoUpdatedAt: now,
        },
        {
          networkId: network?.id,
          slug: "rivierenland",
          name: "Onderwijsstichting Rivierenland",
          primaryColor: "#7048e8",
          logo: readFileSync(join(here, "rivierenland.png")),
          logoMime: "image/png",
          logoUpdatedAt: now,
        },
        {
          networkId: network?.id,
          slug: "de-wilgen",
          name: "Zorggroep De Wilgen",
          primaryColor: "#0b7285",
          logo: readFileSync(join(here, "wilgen.png")),
          logoMime: "image/png",
          logoUpdatedAt: now,
        },
      ])
      .returning();
    if (!linde || !rivier || !wilgen) throw new Error("seed failed");
    const orgId = { linde: linde.id, rivier: rivier.id, wilgen: wilgen.id };
    // The BPV students sign in with the demo password too; the start lists only the people above.
    const students: DemoPerson[] = BPV_STUDENTS.map((student) => ({
      email: studentEmail(student.name, student.org),
      name: student.name,
      orgs: [{ org: student.org, roles: ["trainee"], jobTitle: "Student (BBL)" }],
    }));
    for (const person of [...DEMO_PEOPLE, ...students]) {
      const [user] = await tx
        .insert(users)
        .values({ email: person.email, name: person.name, passwordHash })
        .returning();
      if (!user) throw new Error("seed failed");
      for (const m of person.orgs) {
        const [membership] = await tx
          .insert(memberships)
          .values({
            organisationId: orgId[m.org],
            userId: user.id,
            roles: m.roles,
            status: "active",
            joinedAt: now,
            jobTitle: m.jobTitle,
            academicExperienceYears: person.experience,
            dreyfusLevel: person.dreyfus,
          })
          .returning();
        if (membership && person.registration) {
          await tx.insert(registrations).values({
            organisationId: orgId[m.org],
            membershipId: membership.id,
            register: person.registration.register,
            registrationType: person.registration.registrationType,
            number: person.registration.number,
            validUntil: person.registration.validUntil,
            reregistrationDate: person.registration.rereg,
          });
        }
      }
    }
  });
  await seedDemoTrajectories(db);
  await seedDemoFramework(db);
  await seedDemoScans(db);
  // After the scans: Sanne's path is made from her first scan (nothing while she has none).
  await seedDemoPaths(db);
  // A consensus round on version 2 in progress: one member approved, one commented, one to vote.
  await seedDemoConsensusRound(db);
  // The network's modules, and Sanne halfway the feedback module with an assignment to sign off.
  await seedDemoModules(db);
  // Cases from practice: three approved for the network with some discussion, one waiting for review.
  await seedDemoCases(db);
  // A learning festival held two months ago, with attendance and evaluations; one coming with a waiting list.
  await seedDemoEvents(db);
  // The network's trainer pool: De Linde and Rivierenland with two certified trainers, De Wilgen
  // with one uncertified (below the minimum), and De Wilgen's request for a Rivierenland trainer.
  await seedDemoTrainers(db);
  // A cohort of BPV students in De Linde and De Wilgen over three school years, with outcomes.
  await seedDemoBpv(db);
}

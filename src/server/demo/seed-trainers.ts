import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { supervisedTrainings, trainerCertificates } from "../../db/schema.js";
import { addDays, dutchToday } from "../../domain/dutch-time.js";
import { inTenant } from "../tenancy.js";
import { certifyTrainer, requestTrainer, updateTrainerProfile } from "../trainers/service.js";
import { recordSupervisedTraining, signOffSupervisedTraining } from "../trainers/supervision.js";
import { actorFor } from "./seed-trajectories.js";

const TRAINERS = [
  {
    slug: "de-linde",
    email: "eva.mulder@delinde.example",
    topics: ["Feedback geven", "Reflecteren met STARR", "Het driegesprek"],
    weekdays: [2, 4],
    availability: "Niet in de schoolvakanties.",
    certifiedDaysAgo: 600,
    validDays: 1095,
  },
  {
    slug: "de-linde",
    email: "joost.smit@delinde.example",
    topics: ["Begeleiden van de collega-in-opleiding", "Werkplekleren"],
    weekdays: [1, 3],
    availability: "Eén training per maand.",
    certifiedDaysAgo: 1050,
    validDays: 1095,
  },
  {
    slug: "rivierenland",
    email: "karin.deboer@rivierenland.example",
    topics: ["Feedback geven", "Coachen op de werkvloer"],
    weekdays: [3, 5],
    availability: "Woensdagmiddag en vrijdag.",
    certifiedDaysAgo: 300,
    validDays: null,
  },
  {
    slug: "rivierenland",
    email: "bram.willems@rivierenland.example",
    topics: ["Het driegesprek", "Startende leerkrachten begeleiden"],
    weekdays: [1, 2],
    availability: "",
    certifiedDaysAgo: 120,
    validDays: null,
  },
  {
    slug: "de-wilgen",
    email: "ingrid.bos@dewilgen.example",
    topics: ["Werkplekleren"],
    weekdays: [4],
    availability: "Volgt nog het traject train-de-trainer.",
    certifiedDaysAgo: null,
    validDays: null,
  },
] as const;

/**
 * The network's trainer pool: every trainer's topics and availability, certificates given by
 * Sanne (network coordinator) — Joost's ends within three months, Ingrid of De Wilgen has none yet,
 * so De Wilgen is below the minimum of two — Bram's path under Karin's supervision, and De
 * Wilgen's open request for Karin of Rivierenland.
 */
export async function seedDemoTrainers(db: Db) {
  if ((await db.select({ id: trainerCertificates.id }).from(trainerCertificates).limit(1)).length) return;
  const sanne = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const today = dutchToday();
  const personIds = new Map<string, string>();
  for (const trainer of TRAINERS) {
    const actor = await actorFor(db, trainer.slug, trainer.email);
    personIds.set(trainer.email, actor.membershipId);
    await inTenant(db, actor, (tx, a) =>
      updateTrainerProfile(tx, a, a.membershipId, {
        topics: [...trainer.topics],
        weekdays: [...trainer.weekdays],
        availability: trainer.availability,
      }),
    );
    if (trainer.certifiedDaysAgo === null) continue;
    const certifiedOn = addDays(today, -trainer.certifiedDaysAgo);
    await inTenant(db, sanne, (tx, a) =>
      certifyTrainer(tx, a, {
        personId: actor.membershipId,
        certifiedOn,
        validUntil: trainer.validDays === null ? null : addDays(certifiedOn, trainer.validDays),
      }),
    );
  }
  // Bram's train-the-trainer path: two trainings before his certification, signed off by Karin.
  const karin = await actorFor(db, "rivierenland", "karin.deboer@rivierenland.example");
  const bram = await actorFor(db, "rivierenland", "bram.willems@rivierenland.example");
  for (const [daysAgo, title] of [
    [200, "Feedback geven aan startende leerkrachten"],
    [150, "Het driegesprek met de pabo"],
  ] as const) {
    await inTenant(db, bram, (tx, a) =>
      recordSupervisedTraining(tx, a, a.membershipId, {
        title,
        givenOn: addDays(today, -daysAgo),
        supervisorId: karin.userId,
      }),
    );
  }
  const lines = await db
    .select({ id: supervisedTrainings.id })
    .from(supervisedTrainings)
    .where(eq(supervisedTrainings.userId, bram.userId));
  for (const line of lines) {
    await inTenant(db, karin, (tx, a) =>
      signOffSupervisedTraining(tx, a, line.id, "Goed voorbereid; let op de tijd voor de oefeningen."),
    );
  }

  const ingrid = await actorFor(db, "de-wilgen", "ingrid.bos@dewilgen.example");
  await inTenant(db, ingrid, (tx, a) =>
    requestTrainer(
      tx,
      a,
      {
        personId: personIds.get("karin.deboer@rivierenland.example") ?? "",
        topic: "Feedback geven",
        wantedOn: addDays(today, 45),
        message: "Voor ons werkbegeleidersoverleg: een middag over feedback geven aan de collega-in-opleiding.",
      },
      null,
    ),
  );
}

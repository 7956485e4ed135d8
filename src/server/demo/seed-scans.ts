import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import {
  competenceScans,
  frameworkExtensions,
  frameworks,
  frameworkVersions,
  memberships,
  organisations,
  scanFriends,
  users,
} from "../../db/schema.js";
import type { RaterKind } from "../../domain/competences/anonymity.js";
import { activeBehaviours, activeCompetences, type Framework } from "../../domain/competences/framework.js";
import { frameworkAsScanned } from "../competences/versions.js";
import { DEMO_FRAMEWORK_KEY } from "./seed-competences.js";

const DAY = 24 * 3600 * 1000;

/**
 * Sanne Visser's self-scans at De Linde: two finished ones on the published version, about four
 * months apart, the second better, each with her critical friends' answers (two colleagues, so
 * that a group shows, her praktijkopleider, her team leader and a student she guides). Fatima
 * Yılmaz becomes her team leader. Runs as the owner, after the framework is seeded.
 */

/** Her own view and how each kind of friend sees her, per competence, on the 1–4 scale. */
const PROFILES: Array<{ daysAgo: number; self: Record<string, number>; friends: Record<string, number> }> = [
  {
    daysAgo: 118,
    self: { relatie: 3, theorie_praktijk: 2, feedback: 2, beoordelen: 2, samenwerken: 3, voorbeeldrol: 3 },
    friends: { relatie: 3, theorie_praktijk: 2, feedback: 2, beoordelen: 1, samenwerken: 2, voorbeeldrol: 3 },
  },
  {
    daysAgo: 3,
    self: { relatie: 4, theorie_praktijk: 3, feedback: 3, beoordelen: 3, samenwerken: 3, voorbeeldrol: 3 },
    friends: { relatie: 3, theorie_praktijk: 3, feedback: 3, beoordelen: 2, samenwerken: 3, voorbeeldrol: 4 },
  },
];

const EXAMPLES: Array<Record<string, string>> = [
  {
    relatie:
      "Met Daan heb ik in de eerste week een kennismakingsgesprek gevoerd over zijn verwachtingen en hoe hij het liefst leert.",
    feedback: "Ik merk dat ik feedback vaak uitstel tot het eind van de dienst; dan is het moment voorbij.",
    beoordelen: "Bij de tussenbeoordeling wist ik niet goed welke criteria de school hanteert.",
  },
  {
    relatie: "Daan komt nu zelf met vragen bij mij, ook over dingen die niet goed gingen.",
    theorie_praktijk: "We bespreken elke week één situatie op de afdeling aan de hand van zijn lesstof over dementie.",
    feedback: "Ik geef nu direct na een zorgmoment korte feedback en we plannen er één keer per week een gesprek voor.",
    beoordelen: "Voor de eindbeoordeling heb ik het beoordelingsformulier vooraf met de docent doorgenomen.",
  },
];

/** Small, fixed differences between raters and behaviours, so the demo is not flat. */
const nudge = (rater: number, behaviour: number) => [0, 0, 1, -1, 0, 0, 1][(rater * 3 + behaviour) % 7] ?? 0;
const clamp = (value: number) => Math.min(4, Math.max(1, value));

function ratingsFor(framework: Framework, levels: Record<string, number>, rater: number) {
  const ratings: Record<string, number> = {};
  for (const competence of activeCompetences(framework))
    activeBehaviours(competence).forEach((behaviour, i) => {
      const base = levels[competence.key] ?? 2;
      ratings[behaviour.key] = clamp(rater < 0 ? base + (i % 3 === 2 ? -1 : 0) : base + nudge(rater, i));
    });
  return ratings;
}

async function userId(tx: Tx, email: string) {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`seed the people first: ${email}`);
  return user.id;
}

export async function seedDemoScans(db: Db) {
  await db.transaction(async (tx) => {
    const [linde] = await tx.select().from(organisations).where(eq(organisations.slug, "de-linde"));
    const [framework] = await tx.select().from(frameworks).where(eq(frameworks.key, DEMO_FRAMEWORK_KEY));
    if (!linde || !framework) throw new Error("seed the framework first");
    const [version] = await tx
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.status, "published")));
    const [own] = await tx
      .select()
      .from(frameworkExtensions)
      .where(and(eq(frameworkExtensions.organisationId, linde.id), eq(frameworkExtensions.frameworkId, framework.id)));
    if (!version) throw new Error("seed the framework first");
    const extensions = own?.extensions ?? [];
    const scanned = frameworkAsScanned(version.document, extensions);

    const sanne = await userId(tx, "sanne.visser@netwerk.example");
    const joost = await userId(tx, "joost.smit@delinde.example");
    const fatima = await userId(tx, "fatima.yilmaz@delinde.example");
    const daan = await userId(tx, "daan.bakker@delinde.example");

    // Fatima is Sanne's team leader at De Linde.
    const membershipOf = async (user: string) => {
      const [row] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organisationId, linde.id), eq(memberships.userId, user)));
      if (!row) throw new Error("seed the people first");
      return row.id;
    };
    await tx
      .update(memberships)
      .set({ managerId: await membershipOf(fatima) })
      .where(eq(memberships.id, await membershipOf(sanne)));

    const friends: Array<{ kind: RaterKind; userId?: string; name?: string; email?: string }> = [
      { kind: "colleague", name: "Marloes de Jong", email: "marloes.dejong@extern.example" },
      { kind: "colleague", name: "Ricardo Pinas", email: "ricardo.pinas@extern.example" },
      { kind: "praktijkopleider", userId: joost },
      { kind: "team_leader", userId: fatima },
      { kind: "student", userId: daan },
    ];

    for (const [index, profile] of PROFILES.entries()) {
      const finishedAt = new Date(Date.now() - profile.daysAgo * DAY);
      const startedAt = new Date(finishedAt.getTime() - 6 * DAY);
      const [scan] = await tx
        .insert(competenceScans)
        .values({
          organisationId: linde.id,
          userId: sanne,
          frameworkVersionId: version.id,
          extensions,
          variant: "mbo3",
          status: "finished",
          ratings: ratingsFor(scanned, profile.self, -1),
          examples: EXAMPLES[index] ?? {},
          version: 12,
          startedAt,
          updatedAt: finishedAt,
          finishedAt,
        })
        .returning({ id: competenceScans.id });
      if (!scan) throw new Error("seed failed");
      await tx.insert(scanFriends).values(
        friends.map((friend, rater) => ({
          organisationId: linde.id,
          scanId: scan.id,
          kind: friend.kind,
          userId: friend.userId ?? null,
          name: friend.name ?? null,
          email: friend.email ?? null,
          expiresAt: new Date(startedAt.getTime() + 21 * DAY),
          status: "answered" as const,
          ratings: ratingsFor(scanned, profile.friends, rater),
          invitedAt: startedAt,
          answeredAt: new Date(startedAt.getTime() + (rater + 1) * DAY),
        })),
      );
    }
  });
}

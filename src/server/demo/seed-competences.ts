import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { frameworkExtensions, frameworks, frameworkVersions, organisations } from "../../db/schema.js";
import { DEMO_EXTENSION, DEMO_FRAMEWORK } from "../../domain/competences/demo-framework.js";
import { contentHash } from "../content-hash.js";

export const DEMO_FRAMEWORK_KEY = "vakbekwaam-werkbegeleiden";

/**
 * The demo network's framework, agreed and published as version 1, and De Linde's local
 * extension of it. Runs as the owner, after the organisations are seeded.
 */
export async function seedDemoFramework(db: Db) {
  await db.transaction(async (tx) => {
    const [linde] = await tx.select().from(organisations).where(eq(organisations.slug, "de-linde"));
    if (!linde?.networkId) throw new Error("seed the organisations first");
    const [framework] = await tx
      .insert(frameworks)
      .values({ ownerNetworkId: linde.networkId, key: DEMO_FRAMEWORK_KEY })
      .returning();
    if (!framework) throw new Error("seed failed");
    const publishedAt = new Date(Date.now() - 120 * 24 * 3600 * 1000);
    await tx.insert(frameworkVersions).values({
      frameworkId: framework.id,
      ownerNetworkId: linde.networkId,
      number: 1,
      status: "published",
      round: 1,
      document: DEMO_FRAMEWORK,
      hash: contentHash(DEMO_FRAMEWORK),
      changeNote: "Vastgesteld door de netwerkpartners na de regionale consensusronde.",
      createdAt: publishedAt,
      updatedAt: publishedAt,
      votingOpenedAt: publishedAt,
      publishedAt,
    });
    await tx
      .insert(frameworkExtensions)
      .values({ organisationId: linde.id, frameworkId: framework.id, extensions: [DEMO_EXTENSION] });
  });
}

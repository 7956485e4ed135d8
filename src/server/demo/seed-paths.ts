import type { Db } from "../../db/connection.js";
import type { PathItemStatus } from "../../domain/competences/path.js";
import { createLearningPath } from "../learning-paths/create-learning-path.js";
import { ownFinishedScans, ownPath } from "../learning-paths/load.js";
import { updateLearningPath } from "../learning-paths/update-learning-path.js";
import { inTenant } from "../tenancy.js";
import { actorFor } from "./seed-trajectories.js";

const SANNE = "sanne.visser@netwerk.example";

/** What Sanne did with the first steps of her path since her first scan: by position in it. */
const WORK: Array<{ status: PathItemStatus; note: string | null }> = [
  { status: "done", note: "Besproken in het werkoverleg en geoefend met Daan; voelt nu als vanzelf." },
  { status: "postponed", note: "Na de zomer oppakken, als de nieuwe studenten er zijn." },
  { status: "chosen", note: "Eerst dit: ik wil het in de komende begeleidingsgesprekken oefenen." },
];

/**
 * Sanne's learning path at De Linde, made from her first finished scan through the same use cases
 * the API runs (as her), with the first step done, one postponed and a note: her newer scan then
 * shows a proposal on the page. Runs after the demo's scans are seeded; does nothing while Sanne
 * has no finished scan there, or when her path is already made.
 */
export async function seedDemoPaths(db: Db) {
  const actor = await actorFor(db, "de-linde", SANNE);
  await inTenant(db, actor, async (tx, sanne) => {
    const scans = await ownFinishedScans(tx, sanne);
    const frameworkId = scans[0]?.frameworkId;
    const first = scans.filter((s) => s.frameworkId === frameworkId).at(-1);
    if (!frameworkId || !first || (await ownPath(tx, sanne, frameworkId))) return;
    await createLearningPath(tx, sanne, { frameworkId, scanId: first.id });
    const path = await ownPath(tx, sanne, frameworkId);
    if (!path) return;
    const items = path.items.map((item, index) => ({
      competence: item.competence,
      status: WORK[index]?.status ?? item.status,
      note: WORK[index]?.note ?? null,
    }));
    await updateLearningPath(tx, sanne, { frameworkId, items, version: path.version });
  });
}

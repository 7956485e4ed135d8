import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { frameworks, frameworkVersions } from "../../db/schema.js";
import type { Framework } from "../../domain/competences/framework.js";
import { castVote, openVoting } from "../frameworks/consensus/service.js";
import { saveVersion } from "../frameworks/save-version.js";
import { startDraft } from "../frameworks/start-draft.js";
import { inTenant } from "../tenancy.js";
import { DEMO_FRAMEWORK_KEY } from "./seed-competences.js";
import { actorFor } from "./seed-trajectories.js";

/** Version 2 as the coordinator proposes it: feedback asked as well as given, one behaviour sharper, one retired. */
export function proposedVersion(published: Framework): Framework {
  const next = structuredClone(published);
  const feedback = next.competences.find((c) => c.key === "feedback");
  const dialogue = feedback?.skills.find((s) => s.key === "dialoog");
  if (!feedback || !dialogue) return next;
  feedback.name = { nl: "Feedback geven en vragen", en: "Giving and asking for feedback" };
  dialogue.behaviours.push({
    key: "feedback_vragen",
    text: {
      nl: "Vraagt de student om feedback op de eigen begeleiding.",
      en: "Asks the student for feedback on their own guidance.",
    },
    retired: false,
  });
  const direct = feedback.skills.flatMap((s) => s.behaviours).find((b) => b.key === "direct");
  if (direct) direct.retired = true;
  return next;
}

/**
 * A consensus round in progress on the network's framework, through the use cases the API runs:
 * Sanne (network coordinator, at De Linde) drafts version 2 and opens the vote; De Linde's
 * praktijkopleider approves, Rivierenland's admin comments on the new behaviour; De Wilgen has
 * not voted yet. Does nothing when the framework already has a version after the first.
 */
export async function seedDemoConsensusRound(db: Db) {
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, DEMO_FRAMEWORK_KEY));
  if (!framework) return;
  const later = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.number, 2)));
  if (later.length) return;

  const coordinator = await actorFor(db, "de-linde", "sanne.visser@netwerk.example");
  const versionId = await inTenant(db, coordinator, async (tx, sanne) => {
    const id = await startDraft(tx, sanne, framework.id, {});
    const [draft] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, id));
    if (!draft) throw new Error("draft not made");
    await saveVersion(tx, sanne, framework.id, id, {
      document: proposedVersion(draft.document),
      changeNote:
        "Feedback gaat twee kanten op: de werkbegeleider vraagt ook zelf om feedback. ‘Feedback op dezelfde dienst’ vervalt; dat valt onder ‘concreet en tijdig’.",
      version: draft.version,
    });
    await openVoting(tx, sanne, framework.id, id);
    return id;
  });

  const linde = await actorFor(db, "de-linde", "joost.smit@delinde.example");
  await inTenant(db, linde, (tx, joost) => castVote(tx, joost, framework.id, versionId, { kind: "approve" }));
  const rivier = await actorFor(db, "rivierenland", "beheer@rivierenland.example");
  await inTenant(db, rivier, (tx, admin) =>
    castVote(tx, admin, framework.id, versionId, {
      kind: "comment",
      itemKey: "feedback_vragen",
      body: "Goed punt. Kunnen we erbij zetten dat dit ook in het driegesprek met school kan?",
    }),
  );
}

import { eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { frameworks, frameworkVersions } from "../../db/schema.js";
import type { CreateFrameworkInput } from "../../domain/competences/api.js";
import { outline } from "../../domain/competences/outline.js";
import { canDraftNetworkFramework, canManageOwnFrameworks } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { readableVersion } from "../competences/versions.js";
import { forbidden, invalid } from "../http/problem.js";
import { ownNetworkId } from "../networks/service.js";

/** A key from the Dutch name: lower case letters, digits and dashes, unique among the owner's frameworks. */
function keyFor(name: string, taken: ReadonlySet<string>) {
  const stem =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "kader";
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/**
 * A new framework of the organisation (its admin or praktijkopleider), or of the network (its
 * coordinator), with a first draft: a copy of a readable version, or an outline to fill in.
 * Answers the new framework's id.
 */
export async function createFramework(tx: Tx, actor: Actor, input: CreateFrameworkInput) {
  const network = input.owner === "network";
  if (network ? !canDraftNetworkFramework(actor) : !canManageOwnFrameworks(actor)) throw forbidden();
  const networkId = network ? await ownNetworkId(tx, actor) : null;
  if (network && !networkId) throw invalid({ owner: "field.unknownReference" });
  const source = input.from ? await readableVersion(tx, actor, input.from) : null;
  if (input.from && source?.status !== "published") throw invalid({ from: "field.unknownReference" });
  const document = source ? { ...structuredClone(source.document), name: input.name } : outline(input.name);

  const owned = await tx
    .select({ key: frameworks.key })
    .from(frameworks)
    .where(
      networkId ? eq(frameworks.ownerNetworkId, networkId) : eq(frameworks.ownerOrganisationId, actor.organisationId),
    );
  const [framework] = await tx
    .insert(frameworks)
    .values({
      ownerNetworkId: networkId,
      ownerOrganisationId: networkId ? null : actor.organisationId,
      key: keyFor(input.name.nl, new Set(owned.map((f) => f.key))),
    })
    .returning({ id: frameworks.id, ownerNetworkId: frameworks.ownerNetworkId });
  if (!framework) throw new Error("framework not made");
  await tx.insert(frameworkVersions).values({
    frameworkId: framework.id,
    ownerNetworkId: framework.ownerNetworkId,
    ownerOrganisationId: networkId ? null : actor.organisationId,
    number: 1,
    document,
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    type: "framework.draftStarted",
    subjectType: "framework",
    subjectId: framework.id,
    after: { number: 1, from: source?.number ?? null },
  });
  return framework.id;
}

import { and, asc, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  declarationSignatures,
  declarations,
  memberships,
  registrations,
  trajectoryDocuments,
  users,
} from "../../db/schema.js";
import { canViewDeclarations } from "../../domain/declarations/policy.js";
import { reregistrationDate } from "../../domain/declarations/reregistration.js";
import type { DeclarationSpec } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { loadTrajectoryWithMeetings, type TrajectoryWithMeetings } from "../trajectories/load-trajectory.js";

/**
 * A trajectory's declarations: one row per version, its content generated from the trajectory
 * until the first signature freezes it with its SHA-256. Every use case loads them here, once.
 */

export type DeclarationRow = typeof declarations.$inferSelect;
export type SignatureRow = typeof declarationSignatures.$inferSelect & { name: string };
type DocumentRow = Omit<typeof trajectoryDocuments.$inferSelect, "content"> & { uploadedByName: string };

export interface DeclarationContext {
  loaded: TrajectoryWithMeetings;
  specs: DeclarationSpec[];
  rows: DeclarationRow[];
  signatures: SignatureRow[];
  documents: DocumentRow[];
  reregistrationDate: string | null;
}

/**
 * Everything about a trajectory's declarations, in a fixed number of queries: the trajectory
 * with its people and meetings, the trainee's registrations, the uploaded documents, the
 * versions and their signatures. `forUpdate` locks the trajectory and the versions.
 */
export async function loadDeclarations(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DeclarationContext> {
  const loaded = await loadTrajectoryWithMeetings(tx, actor, trajectoryId, options);
  if (!canViewDeclarations(loaded.viewer)) throw notFound();
  const org = actor.organisationId;
  const traineeMemberships = loaded.participants
    .filter((p) => p.role === "trainee" && p.personId)
    .map((p) => p.personId as string);
  const registrationRows = traineeMemberships.length
    ? await tx
        .select({ reregistrationDate: registrations.reregistrationDate })
        .from(registrations)
        .where(and(eq(registrations.organisationId, org), oneOf(registrations.membershipId, traineeMemberships)))
    : [];
  const documents = await tx
    .select({
      id: trajectoryDocuments.id,
      organisationId: trajectoryDocuments.organisationId,
      trajectoryId: trajectoryDocuments.trajectoryId,
      kind: trajectoryDocuments.kind,
      fileName: trajectoryDocuments.fileName,
      mime: trajectoryDocuments.mime,
      sha256: trajectoryDocuments.sha256,
      uploadedBy: trajectoryDocuments.uploadedBy,
      createdAt: trajectoryDocuments.createdAt,
      uploadedByName: memberName,
    })
    .from(trajectoryDocuments)
    .innerJoin(users, eq(users.id, trajectoryDocuments.uploadedBy))
    .leftJoin(memberships, membershipIn(users.id, org))
    .where(and(eq(trajectoryDocuments.organisationId, org), eq(trajectoryDocuments.trajectoryId, trajectoryId)))
    .orderBy(desc(trajectoryDocuments.createdAt), desc(trajectoryDocuments.id));
  const rowQuery = tx
    .select()
    .from(declarations)
    .where(and(eq(declarations.organisationId, org), eq(declarations.trajectoryId, trajectoryId)))
    .orderBy(asc(declarations.kind), asc(declarations.number));
  const rows = options.forUpdate ? await rowQuery.for("update") : await rowQuery;
  const signatures = rows.length
    ? await tx
        .select({ signature: declarationSignatures, name: declarationSignatures.signerName })
        .from(declarationSignatures)
        .where(
          and(
            eq(declarationSignatures.organisationId, org),
            oneOf(
              declarationSignatures.declarationId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(declarationSignatures.signedAt))
    : [];
  return {
    loaded,
    specs: loaded.row.regime.declarations ?? [],
    rows,
    signatures: signatures.map((s) => ({ ...s.signature, name: s.name })),
    documents,
    reregistrationDate: reregistrationDate(registrationRows, loaded.row.startsOn),
  };
}

/** The regime's spec of this version; 404 for a version its regime no longer knows. */
export const specOf = (context: DeclarationContext, row: DeclarationRow) => {
  const spec = context.specs.find((s) => s.key === row.kind);
  if (!spec) throw notFound();
  return spec;
};

/** One version with its trajectory's context; 404 for whoever may not see the trajectory. */
export async function loadDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  options: { forUpdate?: boolean } = {},
) {
  const [found] = await tx
    .select({ trajectoryId: declarations.trajectoryId })
    .from(declarations)
    .where(and(eq(declarations.id, declarationId), eq(declarations.organisationId, actor.organisationId)));
  if (!found) throw notFound();
  const context = await loadDeclarations(tx, actor, found.trajectoryId, options);
  const row = context.rows.find((r) => r.id === declarationId);
  if (!row) throw notFound();
  specOf(context, row);
  return { context, row };
}

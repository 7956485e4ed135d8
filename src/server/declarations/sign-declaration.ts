import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { declarationSignatures, declarations, users } from "../../db/schema.js";
import type { DeclarationView } from "../../domain/declarations/api.js";
import { canSignDeclaration } from "../../domain/declarations/policy.js";
import { signableSlots, signRefusal, statusAfterSigning } from "../../domain/declarations/state.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import { forbidden, HttpProblem, invalid } from "../http/problem.js";
import { archiveSignedDeclaration } from "./declaration-pdf.js";
import { type Judged, judge, signerOf } from "./judge-declaration.js";
import { type DeclarationContext, type DeclarationRow, loadDeclaration } from "./load-declarations.js";
import { presentDeclaration } from "./present-declaration.js";

const REFUSALS = {
  notOpen: () => new HttpProblem(409, "declaration.notOpen"),
  changed: () => new HttpProblem(409, "declaration.changed", {}, { newVersionNeeded: true }),
  alreadySigned: () => new HttpProblem(409, "declaration.alreadySigned"),
  signedOtherSlot: () => new HttpProblem(409, "declaration.signedOtherSlot"),
  notSigner: () => forbidden(),
  unknownSlot: () => invalid({ slot: "field.unknownReference" }),
} as const;

/** The slot the signer signs (the one asked for, else the first they may sign) and why they may not, if so. */
function slotFor(judged: Judged, signer: ReturnType<typeof signerOf>, asked: string | undefined) {
  if (!judged.isLatest) return { slot: "", refusal: REFUSALS.notOpen() };
  const slot =
    asked ??
    signableSlots(judged.state, signer)[0] ??
    judged.spec.signers.find((s) => s.roles.some((r) => signer.roles.includes(r)))?.key ??
    "";
  const refusal = signRefusal(judged.state, signer, slot);
  if (refusal) return { slot, refusal: REFUSALS[refusal]() };
  if (judged.motivationMissing) return { slot, refusal: new HttpProblem(422, "declaration.motivationMissing") };
  return { slot, refusal: null };
}

export interface SignInput {
  slot?: string | undefined;
  ip: string;
  userAgent: string | null;
  /**
   * The signer's proof that it is them (their password), asked once it is settled that they may
   * sign; a problem it answers refuses the signature.
   */
  confirm: (tx: Tx) => Promise<HttpProblem | null>;
  /** Where the last signature has the signed PDF made, once (the demo data signs without). */
  archive?: { pdf: PdfRenderer; verifyUrl: string };
}

/**
 * A refusal after the proof was asked is answered rather than thrown: the transaction then keeps
 * what the proof counted (a failed or a cleared password attempt), and nothing else was written.
 */
export type SignOutcome = { view: DeclarationView } | { refused: HttpProblem };

/**
 * Signs one slot of the latest version as the requester, in one transaction that loads the
 * declaration once. The first signature freezes the content with its SHA-256; every signature
 * records that hash, the time, the address and the browser. Content changed since the first
 * signature is refused: a new version must be made and signed. The last signature makes the
 * signed PDF. Answers with the declaration as the signer now sees it.
 */
export async function signDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  input: SignInput,
  locale: Locale,
): Promise<SignOutcome> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  // Who may sign is settled first, so the password form answers nobody else.
  if (!canSignDeclaration(context.loaded.viewer, judged.spec)) throw forbidden();
  const unconfirmed = await input.confirm(tx);
  if (unconfirmed) return { refused: unconfirmed };
  const { slot, refusal } = slotFor(judged, signerOf(context), input.slot);
  if (refusal) return { refused: refusal };

  const contentSha256 = row.contentSha256 ?? judged.liveHash;
  const status = statusAfterSigning(judged.state.slots, slot);
  const changes = {
    ...(row.contentSha256 === null
      ? { content: judged.live as unknown as Record<string, unknown>, contentSha256, frozenAt: new Date() }
      : {}),
    ...(status !== row.status ? { status } : {}),
  };
  const [changed] = Object.keys(changes).length
    ? await tx
        .update(declarations)
        .set(changes)
        .where(and(eq(declarations.id, row.id), eq(declarations.organisationId, actor.organisationId)))
        .returning()
    : [row];
  // The name is frozen with the signature: a later rename does not rewrite what was signed.
  const [account] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const [signature] = await tx
    .insert(declarationSignatures)
    .values({
      organisationId: actor.organisationId,
      declarationId: row.id,
      signerKey: slot,
      userId: actor.userId,
      signerName: account?.name ?? "",
      contentSha256,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!signature) throw REFUSALS.alreadySigned();
  await recordAudit(tx, actor, {
    type: "declaration.signed",
    subjectType: "declaration",
    subjectId: row.id,
    after: { kind: row.kind, number: row.number, slot, contentSha256, status },
  });

  const signed = withSignature(context, changed ?? row, { ...signature, name: signature.signerName });
  if (status === "signed" && input.archive)
    await archiveSignedDeclaration(tx, actor, input.archive.pdf, signed, input.archive.verifyUrl);
  return { view: presentDeclaration(signed.context, signed.row, locale) };
}

/** The context as it stands after the signature, without loading it again. */
const withSignature = (
  context: DeclarationContext,
  row: DeclarationRow,
  signature: DeclarationContext["signatures"][number],
) => ({
  context: {
    ...context,
    rows: context.rows.map((r) => (r.id === row.id ? row : r)),
    signatures: [...context.signatures, signature],
  },
  row,
});

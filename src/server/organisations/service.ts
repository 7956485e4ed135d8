import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { memberships, organisations } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { LOGO_MAX_BYTES, type LogoMime } from "../../domain/organisations/logo.js";
import { canManageBranding, canViewBranding } from "../../domain/organisations/policy.js";
import type { UpdateBrandingInput } from "../../domain/organisations/schemas.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, notFound } from "../http/problem.js";
import type { BrandingResponse } from "./schemas.js";

/** The same address the session hands out, so the header and the switcher share one cached image. */
export const logoUrl = (organisationId: string, logoUpdatedAt: Date | null) =>
  logoUpdatedAt ? `/api/v1/me/organisations/${organisationId}/logo?v=${logoUpdatedAt.getTime()}` : null;

const brandingColumns = {
  id: organisations.id,
  name: organisations.name,
  primaryColor: organisations.primaryColor,
  logoMime: organisations.logoMime,
  logoUpdatedAt: organisations.logoUpdatedAt,
  logoSize: sql<number | null>`octet_length(${organisations.logo})`.mapWith(Number),
  version: organisations.version,
};

type BrandingRow = {
  id: string;
  name: string;
  primaryColor: string;
  logoMime: string | null;
  logoUpdatedAt: Date | null;
  version: number;
};

function toResponse(row: BrandingRow): BrandingResponse {
  return {
    id: row.id,
    name: row.name,
    primaryColor: row.primaryColor,
    logoUrl: logoUrl(row.id, row.logoUpdatedAt),
    logoMime: row.logoMime,
    logoUpdatedAt: row.logoUpdatedAt ? row.logoUpdatedAt.toISOString() : null,
    version: row.version,
    logoMaxBytes: LOGO_MAX_BYTES,
  };
}

async function currentBranding(tx: Tx, actor: Actor, lock: boolean) {
  const query = tx
    .select(brandingColumns)
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/**
 * The versioned update of the actor's own organisation (updateVersioned's rules for a table keyed
 * by `id`): the row is locked and read first, so the audit entry gets the true "before";
 * missing is 404, a version someone else moved on is 409 with the current branding.
 */
async function updateOrganisation(
  tx: Tx,
  actor: Actor,
  expectedVersion: number,
  values: (before: BrandingRow) => Partial<typeof organisations.$inferInsert>,
) {
  const before = await currentBranding(tx, actor, true);
  if (before.version !== expectedVersion) throw conflict(toResponse(before));
  const [after] = await tx
    .update(organisations)
    .set({ ...values(before), version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, actor.organisationId), eq(organisations.version, expectedVersion)))
    .returning({ id: organisations.id });
  if (!after) throw conflict();
  return { before, after: await currentBranding(tx, actor, false) };
}

export async function getBranding(tx: Tx, actor: Actor): Promise<BrandingResponse> {
  if (!canViewBranding(actor)) throw forbidden();
  return toResponse(await currentBranding(tx, actor, false));
}

export async function updateBranding(tx: Tx, actor: Actor, input: UpdateBrandingInput): Promise<BrandingResponse> {
  if (!canManageBranding(actor)) throw forbidden();
  const { before, after } = await updateOrganisation(tx, actor, input.version, () => ({
    name: input.name,
    primaryColor: input.primaryColor,
  }));
  const changes = diff(
    { name: before.name, primaryColor: before.primaryColor },
    { name: after.name, primaryColor: after.primaryColor },
  );
  if (Object.keys(changes.after).length) {
    await recordAudit(tx, actor, {
      type: "branding.updated",
      subjectType: "organisation",
      subjectId: actor.organisationId,
      ...changes,
    });
  }
  return toResponse(after);
}

/** The actor's organisation as its documents show it: name, colour and logo. */
export async function organisationOf(tx: Tx, actor: Actor) {
  const [org] = await tx
    .select({
      name: organisations.name,
      primaryColor: organisations.primaryColor,
      logo: organisations.logo,
      logoMime: organisations.logoMime,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (!org) throw notFound();
  return org;
}

const logoFacts = (row: { logoMime: string | null; logoSize: number | null }) =>
  row.logoMime ? { mime: row.logoMime, size: row.logoSize } : null;

/** Replaces (bytes) or removes (null) the logo. The audit entry keeps type and size, never the image. */
export async function setLogo(
  tx: Tx,
  actor: Actor,
  expectedVersion: number,
  logo: { bytes: Buffer; mime: LogoMime } | null,
): Promise<BrandingResponse> {
  if (!canManageBranding(actor)) throw forbidden();
  const { before, after } = await updateOrganisation(tx, actor, expectedVersion, (previous) =>
    logo
      ? {
          logo: logo.bytes,
          logoMime: logo.mime,
          // The logo's address carries this time in milliseconds and is cached for good: it must move on.
          logoUpdatedAt: new Date(Math.max(Date.now(), (previous.logoUpdatedAt?.getTime() ?? 0) + 1)),
        }
      : { logo: null, logoMime: null, logoUpdatedAt: null },
  );
  const was = logoFacts(before);
  const is = logoFacts(after);
  if (JSON.stringify(was) !== JSON.stringify(is) || logo) {
    await recordAudit(tx, actor, {
      type: "logo.updated",
      subjectType: "organisation",
      subjectId: actor.organisationId,
      before: was,
      after: is,
    });
  }
  return toResponse(after);
}

/**
 * A logo for someone signed in: only of an organisation they are an active member of, whichever
 * organisation their session is in now. Uses the owner connection because the person may ask for
 * an organisation other than the session's; the membership check is the gate.
 */
export async function readMemberLogo(db: Db, userId: string, organisationId: string) {
  const [row] = await db
    .select({ logo: organisations.logo, logoMime: organisations.logoMime })
    .from(organisations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, organisations.id),
        eq(memberships.userId, userId),
        eq(memberships.status, "active"),
      ),
    )
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!row?.logo || !row.logoMime) throw notFound();
  return { bytes: row.logo, mime: row.logoMime };
}

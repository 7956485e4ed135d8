import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { requirementProfiles } from "../../db/schema.js";
import type { ProfileList, ProfileView, UpdateProfileInput } from "../../domain/evidence/api.js";
import { BUILTIN_PROFILES, builtinProfile } from "../../domain/evidence/builtin-profiles.js";
import { canManageProfiles, canReadProfiles } from "../../domain/evidence/policy.js";
import { type RequirementProfile, requirementProfileSchema } from "../../domain/evidence/profile.js";
import { BUILTIN_REGIMES } from "../../domain/regimes/builtin.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { insertUnderFreeKey } from "../http/unique.js";
import { updateVersioned } from "../tenancy.js";

type ProfileRow = typeof requirementProfiles.$inferSelect;

const present = (row: ProfileRow): ProfileView => ({
  id: row.id,
  key: row.key,
  builtIn: false,
  basedOn: row.basedOn,
  version: row.version,
  document: row.document,
});

const presentBuiltin = (document: RequirementProfile): ProfileView => ({
  id: null,
  key: document.key,
  builtIn: true,
  basedOn: null,
  version: 1,
  document,
});

/** The organisation's own profiles by key, with the built-in ones behind them: one statement. */
export async function profilesByKey(tx: Tx, actor: Actor): Promise<Map<string, RequirementProfile>> {
  const own = await tx
    .select({ key: requirementProfiles.key, document: requirementProfiles.document })
    .from(requirementProfiles)
    .where(eq(requirementProfiles.organisationId, actor.organisationId));
  return new Map([
    ...BUILTIN_PROFILES.map((p) => [p.key, p] as const),
    ...own.map((r) => [r.key, r.document] as const),
  ]);
}

/** An organisation's own profile by key, or else the built-in one. */
export async function findProfile(tx: Tx, actor: Actor, key: string): Promise<RequirementProfile | null> {
  const [own] = await tx
    .select({ document: requirementProfiles.document })
    .from(requirementProfiles)
    .where(and(eq(requirementProfiles.organisationId, actor.organisationId), eq(requirementProfiles.key, key)))
    .limit(1);
  return own?.document ?? builtinProfile(key) ?? null;
}

/** The profiles registrations can follow, whether the actor may change them, and type suggestions. */
export async function listProfiles(tx: Tx, actor: Actor): Promise<ProfileList> {
  if (!canReadProfiles(actor)) throw forbidden();
  const own = await tx
    .select()
    .from(requirementProfiles)
    .where(eq(requirementProfiles.organisationId, actor.organisationId))
    .orderBy(asc(requirementProfiles.key));
  return {
    items: [...BUILTIN_PROFILES.map(presentBuiltin), ...own.map(present)],
    canManage: canManageProfiles(actor),
    registrationTypes: registrationTypeSuggestions(),
  };
}

async function getRow(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(requirementProfiles)
    .where(and(eq(requirementProfiles.id, id), eq(requirementProfiles.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function getProfile(tx: Tx, actor: Actor, id: string) {
  if (!canReadProfiles(actor)) throw forbidden();
  return present(await getRow(tx, actor, id));
}

/** The codes profiles of this organisation use, built-in ones included. */
async function takenKeys(tx: Tx, actor: Actor) {
  return new Set([
    ...BUILTIN_PROFILES.map((p) => p.key),
    ...(
      await tx
        .select({ key: requirementProfiles.key })
        .from(requirementProfiles)
        .where(eq(requirementProfiles.organisationId, actor.organisationId))
    ).map((r) => r.key),
  ]);
}

/** Copies a built-in profile (or one of the organisation's own) under a new name, to edit its figures. */
export async function copyProfile(tx: Tx, actor: Actor, input: { basedOn: string; name: string }) {
  if (!canManageProfiles(actor)) throw forbidden();
  const source = await findProfile(tx, actor, input.basedOn);
  if (!source) throw invalid({ basedOn: "field.unknownProfile" });
  // A copy made at the same moment (a double click) may take the free key first: then the next.
  const { key, row } = await insertUnderFreeKey(input.basedOn.slice(0, 40), await takenKeys(tx, actor), async (key) => {
    const document = requirementProfileSchema.parse({ ...source, key, name: { nl: input.name, en: input.name } });
    const [row] = await tx
      .insert(requirementProfiles)
      .values({ organisationId: actor.organisationId, key, basedOn: source.key, document })
      .onConflictDoNothing({ target: [requirementProfiles.organisationId, requirementProfiles.key] })
      .returning();
    return row;
  });
  await recordAudit(tx, actor, {
    type: "requirementProfile.copied",
    subjectType: "requirementProfile",
    subjectId: row.id,
    after: { key, basedOn: source.key, name: input.name },
  });
  return present(row);
}

/** What the audit log keeps of a profile change: the figures, in words a reader can follow. */
const figures = (p: RequirementProfile) => ({
  name: p.name.nl,
  periodYears: p.periodYears,
  requirements: p.requirements.map((r) => `${r.label.nl}: ${r.minimum} (${r.unit})`).join("; "),
  supervisieConversion: p.supervisieConversion.map((c) => `${c.groupSize}: ${c.hoursPerFortyPoints}`).join("; "),
});

/** Saves a changed copy; the key stays. Ledgers read the profile as it is now. */
export async function updateProfile(tx: Tx, actor: Actor, id: string, input: UpdateProfileInput) {
  if (!canManageProfiles(actor)) throw forbidden();
  const row = await getRow(tx, actor, id);
  if (input.document.key !== row.key) throw invalid({ "document.key": "field.profileKeyChanged" });
  const updated = await updateVersioned(
    tx,
    requirementProfiles,
    { id, organisationId: actor.organisationId, expectedVersion: input.version },
    { document: input.document },
  );
  const before = figures(row.document);
  const after = figures(updated.document);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
  await recordAudit(tx, actor, {
    type: "requirementProfile.updated",
    subjectType: "requirementProfile",
    subjectId: id,
    before: { version: row.version, ...Object.fromEntries(changed.map((k) => [k, before[k]])) },
    after: { version: updated.version, ...Object.fromEntries(changed.map((k) => [k, after[k]])) },
  });
  return present(updated);
}

/** The qualifying registrations of the built-in regimes' guide rules, each once, read from the regimes themselves. */
export function registrationTypeSuggestions(): { register: string; type: string }[] {
  const seen = new Map<string, { register: string; type: string }>();
  for (const regime of BUILTIN_REGIMES) {
    const rule = regime.guideRule;
    if (!rule || !("registrations" in rule)) continue;
    for (const r of rule.registrations) {
      const key = `${r.register}\u0000${r.type}`.toLowerCase();
      if (!seen.has(key)) seen.set(key, { register: r.register, type: r.type });
    }
  }
  return [...seen.values()];
}

import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { networks, organisations } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { Certificate } from "../../domain/trainers/pool.js";

export interface PoolTrainer {
  personId: string;
  userId: string;
  name: string;
  organisationId: string;
  topics: string[];
  weekdays: number[];
  availability: string;
  certificate: Certificate | null;
  trainingsGiven: number;
  supervisedSignedOff: number;
  trainingsAttended: number;
  modulesCompleted: number;
}

interface PoolRow extends Record<string, unknown> {
  membership_id: string;
  user_id: string;
  name: string;
  organisation_id: string;
  topics: string[];
  weekdays: number[];
  availability: string;
  /** PostgreSQL dates come as YYYY-MM-DD text from both drivers. */
  certified_on: string | null;
  valid_until: string | null;
  trainings_given: string | number;
  supervised_signed_off: string | number;
  trainings_attended: string | number;
  modules_completed: string | number;
}

/**
 * The trainers the actor's organisation sees: its own and every network member's, through
 * app_trainer_pool (migrations 0029, 0035), which gives of another member's people only what the pool
 * shows. In no particular order: the overview sorts them.
 */
export async function trainerPool(tx: Tx): Promise<PoolTrainer[]> {
  const result = (await tx.execute(sql`SELECT * FROM app_trainer_pool()`)) as unknown as { rows: PoolRow[] };
  return result.rows.map((r) => ({
    personId: r.membership_id,
    userId: r.user_id,
    name: r.name,
    organisationId: r.organisation_id,
    topics: r.topics,
    weekdays: r.weekdays,
    availability: r.availability,
    certificate: r.certified_on === null ? null : { certifiedOn: r.certified_on, validUntil: r.valid_until },
    trainingsGiven: Number(r.trainings_given),
    supervisedSignedOff: Number(r.supervised_signed_off),
    trainingsAttended: Number(r.trainings_attended),
    modulesCompleted: Number(r.modules_completed),
  }));
}

/** The actor's organisation and the other members of its network, by name (row-level security shows no others). */
export async function memberOrganisations(tx: Tx, actor: Pick<Actor, "organisationId">) {
  const [own] = await tx
    .select({
      networkId: organisations.networkId,
      name: organisations.name,
      certificateValidityMonths: networks.certificateValidityMonths,
    })
    .from(organisations)
    .leftJoin(networks, eq(networks.id, organisations.networkId))
    .where(eq(organisations.id, actor.organisationId));
  const networkId = own?.networkId ?? null;
  const members = networkId
    ? await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.networkId, networkId))
    : [{ id: actor.organisationId, name: own?.name ?? "" }];
  return {
    networkId,
    /** How many months a certificate of the network holds, where it sets that. */
    certificateValidityMonths: own?.certificateValidityMonths ?? null,
    members: members.sort((a, b) => a.name.localeCompare(b.name, "nl")),
  };
}

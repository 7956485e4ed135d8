import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { declarations, registrations, trajectories } from "../../db/schema.js";
import { reregistrationDate } from "../../domain/declarations/reregistration.js";
import { latestVersion } from "../../domain/declarations/state.js";
import type { ParticipantRole, Regime } from "../../domain/regimes/schema.js";
import type { DeclarationDueFacts } from "../../domain/trajectories/model.js";

interface Loading {
  row: { id: string; startsOn: string; endsOn: string; regime: Regime };
  participants: { personId: string | null; role: ParticipantRole }[];
}

/**
 * For the to-do list: per trajectory with a dated declaration (due after the start, by the end or
 * before re-registration), its dates, the trainee's re-registration date and the declarations
 * whose latest version is fully signed. Two queries for any number of trajectories, none when no
 * regime asks for it. Part of loading a trajectory (its to-do), so it lives with the trajectories.
 */
export async function declarationDueFacts(
  tx: Tx,
  organisationId: string,
  loading: readonly Loading[],
): Promise<Map<string, DeclarationDueFacts>> {
  const result = new Map<string, DeclarationDueFacts>();
  const due = loading.filter((t) =>
    t.row.regime.declarations?.some((d) => d.dueBy !== null || (d.dueDaysAfterStart ?? null) !== null),
  );
  if (!due.length) return result;
  const traineeOf = (t: Loading) =>
    t.participants.filter((p) => p.role === "trainee" && p.personId).map((p) => p.personId as string);
  const trainees = [...new Set(due.flatMap(traineeOf))];
  const registrationRows = trainees.length
    ? await tx
        .select({ membershipId: registrations.membershipId, reregistrationDate: registrations.reregistrationDate })
        .from(registrations)
        .where(
          and(
            eq(registrations.organisationId, organisationId),
            oneOf(registrations.membershipId, trainees),
            isNotNull(registrations.reregistrationDate),
          ),
        )
    : [];
  const rows = await tx
    .select({
      trajectoryId: declarations.trajectoryId,
      kind: declarations.kind,
      number: declarations.number,
      status: declarations.status,
    })
    .from(declarations)
    .where(
      and(
        eq(declarations.organisationId, organisationId),
        oneOf(
          declarations.trajectoryId,
          due.map((t) => t.row.id),
        ),
      ),
    );
  for (const t of due) {
    const own = new Set(traineeOf(t));
    const versions = rows.filter((r) => r.trajectoryId === t.row.id);
    const kinds = [...new Set(versions.map((v) => v.kind))];
    result.set(t.row.id, {
      startsOn: t.row.startsOn,
      endsOn: t.row.endsOn,
      reregistrationDate: reregistrationDate(
        registrationRows.filter((r) => own.has(r.membershipId)),
        t.row.startsOn,
      ),
      signedKinds: kinds.filter((kind) => latestVersion(versions.filter((v) => v.kind === kind))?.status === "signed"),
    });
  }
  return result;
}

/**
 * A trajectory one of whose dated declarations (due after the start, by the end or before
 * re-registration) has no signed version, or an open one. A closed trajectory like that is still
 * on the to-do lists and in the reminder scan: the register needs the declaration all the same.
 */
export const hasUnsignedDatedDeclaration = sql`exists (
  select 1 from regime_versions rv
  cross join lateral jsonb_array_elements_text(rv.dated_declarations) spec(kind)
  where rv.organisation_id = ${trajectories.organisationId} and rv.hash = ${trajectories.regimeHash}
    and (
      not exists (select 1 from declarations d
        where d.trajectory_id = ${trajectories.id} and d.kind = spec.kind and d.status = 'signed')
      or exists (select 1 from declarations d
        where d.trajectory_id = ${trajectories.id} and d.kind = spec.kind and d.status = 'open')
    ))`;

import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { declarations, registrations } from "../../db/schema.js";
import { reregistrationDate } from "../../domain/declarations/reregistration.js";
import { latestVersion } from "../../domain/declarations/state.js";
import type { ParticipantRole, Regime } from "../../domain/regimes/schema.js";
import type { DeclarationDueFacts } from "../../domain/trajectories/model.js";

interface Loading {
  row: { id: string; startsOn: string; regime: Regime };
  participants: { personId: string | null; role: ParticipantRole }[];
}

/**
 * For the to-do list: per trajectory with a declaration due before re-registration, the
 * trainee's re-registration date and the declarations whose latest version is fully signed.
 * Two queries for any number of trajectories, none when no regime asks for it.
 */
export async function declarationDueFacts(
  tx: Tx,
  organisationId: string,
  loading: readonly Loading[],
): Promise<Map<string, DeclarationDueFacts>> {
  const result = new Map<string, DeclarationDueFacts>();
  const due = loading.filter((t) => t.row.regime.declarations?.some((d) => d.dueBy === "reregistration"));
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
            inArray(registrations.membershipId, trainees),
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
        inArray(
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
      reregistrationDate: reregistrationDate(
        registrationRows.filter((r) => own.has(r.membershipId)),
        t.row.startsOn,
      ),
      signedKinds: kinds.filter((kind) => latestVersion(versions.filter((v) => v.kind === kind))?.status === "signed"),
    });
  }
  return result;
}

import type { Tx } from "../../db/connection.js";
import { meetings } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { dutchInstant, dutchParts, isWithinDutchDays } from "../../domain/dutch-time.js";
import { heldGroupSize, recordsMode } from "../../domain/evidence/session.js";
import { mayRecordHeld } from "../../domain/held-meetings.js";
import type { Regime } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { MeetingDetail, PlanMeetingInput, UpdateMeetingInput } from "../../domain/trajectories/api.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import type { MeetingMode } from "../../domain/trajectories/model.js";
import { canPlanMeetings, canRecordMeetings, canSeeMeeting } from "../../domain/trajectories/policy.js";
import { recordAudit, recordAuditEvents } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import {
  assertOpen,
  type LoadedTrajectory,
  loadMeetingParts,
  loadTrajectories,
  loadTrajectory,
  type MeetingRow,
} from "./load-trajectory.js";
import { presentMeeting } from "./present-meeting.js";

/** A meeting of the actor's organisation with its trajectory; 404 for whoever may not see it. */
export async function loadMeeting(tx: Tx, actor: Actor, meetingId: string, options: { forUpdate?: boolean } = {}) {
  const [loaded] = await loadTrajectories(tx, actor, { meetingId }, options);
  const meeting = loaded?.meetings.find((m) => m.id === meetingId);
  if (!loaded || !meeting || !canSeeMeeting(loaded.viewer, loaded.row.regime, meeting)) throw notFound();
  return { loaded, meeting };
}

function typeOf(regime: Regime, key: string, unannounced: boolean, field = "type") {
  const type = meetingType(regime, key);
  if (!type) throw invalid({ [field]: "field.unknownMeetingType" });
  if (unannounced && !type.mayBeUnannounced) throw invalid({ unannounced: "field.notUnannounced" });
  return type;
}

/** A meeting lies in the period when its Dutch day does: 00:30 on the first day is inside. */
function assertInPeriod(loaded: LoadedTrajectory, startsAt: Date, field: string) {
  const { startsOn, endsOn } = loaded.row;
  if (!isWithinDutchDays(startsAt, startsOn, endsOn))
    throw invalid({ [field]: { key: "field.outsidePeriod", values: { start: startsOn, end: endsOn } } });
}

/** Held only once it has started: the error goes to the start when it was just moved, else to the status. */
function assertHeldAfterStart(startsAt: Date, moved: boolean) {
  if (mayRecordHeld(startsAt, new Date())) return;
  const { date, time } = dutchParts(startsAt);
  throw invalid({
    [moved ? "startsAt" : "status"]: { key: "field.heldBeforeStart", values: { start: `${date} ${time}` } },
  });
}

async function loadForPlanning(tx: Tx, actor: Actor, trajectoryId: string) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  if (!canPlanMeetings(loaded.viewer, loaded.row.regime)) throw forbidden();
  assertOpen(loaded);
  return loaded;
}

export async function planMeeting(tx: Tx, actor: Actor, trajectoryId: string, input: PlanMeetingInput) {
  const loaded = await loadForPlanning(tx, actor, trajectoryId);
  const type = typeOf(loaded.row.regime, input.type, input.unannounced);
  const startsAt = new Date(input.startsAt);
  assertInPeriod(loaded, startsAt, "startsAt");
  assertModeAsked(loaded.row.regime, input.mode);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      organisationId: actor.organisationId,
      trajectoryId,
      type: type.key,
      startsAt,
      durationMinutes: input.durationMinutes ?? type.defaultMinutes,
      unannounced: input.unannounced,
      location: input.location?.trim() || null,
      mode: input.mode ?? null,
      createdBy: actor.userId,
    })
    .returning();
  if (!meeting) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, {
    type: "meeting.planned",
    subjectType: "meeting",
    subjectId: meeting.id,
    after: { trajectoryId, type: type.key, startsAt: meeting.startsAt.toISOString(), unannounced: meeting.unannounced },
  });
  return meeting.id;
}

/** A Dutch date and time of day as an instant, whatever the server's own zone. */
export const amsterdamInstant = (date: string, time: string): Date => new Date(dutchInstant(date, time) ?? Number.NaN);

/** Plans a series at once, for example the dates the plan's intensity proposes. */
export async function scheduleMeetings(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  input: { type: string; dates: string[]; time: string },
) {
  const loaded = await loadForPlanning(tx, actor, trajectoryId);
  const type = typeOf(loaded.row.regime, input.type, false);
  const rows = input.dates.map((date) => {
    const startsAt = amsterdamInstant(date, input.time);
    assertInPeriod(loaded, startsAt, "dates");
    return {
      organisationId: actor.organisationId,
      trajectoryId,
      type: type.key,
      startsAt,
      durationMinutes: type.defaultMinutes,
      createdBy: actor.userId,
    };
  });
  const created = await tx.insert(meetings).values(rows).returning({ id: meetings.id, startsAt: meetings.startsAt });
  await recordAuditEvents(
    tx,
    actor,
    created.map((m) => ({
      type: "meeting.planned" as const,
      subjectType: "meeting" as const,
      subjectId: m.id,
      after: { trajectoryId, type: type.key, startsAt: m.startsAt.toISOString() },
    })),
  );
}

const auditable = (m: MeetingRow) => ({
  startsAt: m.startsAt.toISOString(),
  durationMinutes: m.durationMinutes,
  preparationMinutes: m.preparationMinutes,
  travelMinutes: m.travelMinutes,
  unannounced: m.unannounced,
  status: m.status,
  location: m.location,
  mode: m.mode,
  groupSize: m.groupSize,
  confidential: m.confidential,
  notesChanged: false,
  observationChanged: false,
});

/** How a meeting took place is recorded only where the regime's meetings count as evidence. */
function assertModeAsked(regime: Regime, mode: MeetingMode | null | undefined) {
  if (mode && !recordsMode(regime)) throw invalid({ mode: "field.unknownField" });
}

/**
 * The guide plans, moves, records (status held, with observation and notes) or cancels a meeting,
 * in one transaction that loads the trajectory once; answers with the meeting as the requester
 * now sees it.
 */
export async function updateMeeting(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: UpdateMeetingInput,
): Promise<MeetingDetail> {
  const { loaded, meeting } = await loadMeeting(tx, actor, meetingId);
  // Planning (moving, cancelling) is also the admin's; the record of what happened is the guide's.
  const changesRecord =
    input.status === "held" ||
    (input.notes?.trim() || null) !== meeting.notes ||
    input.confidential !== meeting.confidential ||
    (input.mode !== undefined && input.mode !== meeting.mode) ||
    JSON.stringify(input.observation) !== JSON.stringify(meeting.observation);
  if (!canPlanMeetings(loaded.viewer, loaded.row.regime) || (changesRecord && !canRecordMeetings(loaded.viewer)))
    throw forbidden();
  assertOpen(loaded);
  const type = typeOf(loaded.row.regime, meeting.type, input.unannounced, "unannounced");
  const startsAt = new Date(input.startsAt);
  assertInPeriod(loaded, startsAt, "startsAt");
  if (input.status === "held") assertHeldAfterStart(startsAt, startsAt.getTime() !== meeting.startsAt.getTime());
  if (input.observation) {
    const form = loaded.row.regime.observationForms.find((f) => f.key === type.observationForm);
    const fields: Record<
      string,
      { key: "field.scoreRange"; values: { min: number; max: number } } | "field.unknownField"
    > = {};
    for (const [item, value] of Object.entries(input.observation)) {
      if (!form?.items.some((i) => i.key === item)) fields[`observation.${item}`] = "field.unknownField";
      else if (value.score !== null && (value.score < form.scale.min || value.score > form.scale.max))
        fields[`observation.${item}.score`] = {
          key: "field.scoreRange",
          values: { min: form.scale.min, max: form.scale.max },
        };
    }
    if (Object.keys(fields).length) throw invalid(fields);
  }
  assertModeAsked(loaded.row.regime, input.mode);
  const values = {
    startsAt,
    durationMinutes: input.durationMinutes,
    preparationMinutes: input.preparationMinutes,
    travelMinutes: input.travelMinutes,
    unannounced: input.unannounced,
    status: input.status,
    heldAt: input.status === "held" ? (meeting.heldAt ?? new Date()) : null,
    location: input.location?.trim() || null,
    notes: input.notes?.trim() || null,
    confidential: input.confidential,
    observation: input.observation,
    mode: input.mode === undefined ? meeting.mode : input.mode,
    // What a session counts for is fixed when it is held; a later change of the plan leaves it be.
    groupSize: heldGroupSize(loaded.row.regime, loaded.row.plan, meeting, input.status),
  };
  const updated = await updateVersioned(
    tx,
    meetings,
    { id: meetingId, organisationId: actor.organisationId, expectedVersion: input.version },
    values,
  );
  const before = auditable(meeting);
  const after = {
    ...auditable(updated),
    notesChanged: (meeting.notes ?? null) !== (updated.notes ?? null),
    observationChanged: JSON.stringify(meeting.observation) !== JSON.stringify(updated.observation),
  };
  await recordAudit(tx, actor, {
    type: "meeting.updated",
    subjectType: "meeting",
    subjectId: meetingId,
    ...diff(before, after),
  });
  const meetingsNow = loaded.meetings.map((m) => (m.id === meetingId ? updated : m));
  return presentMeeting(
    { ...loaded, meetings: meetingsNow },
    updated,
    await loadMeetingParts(tx, actor, loaded, updated),
  );
}

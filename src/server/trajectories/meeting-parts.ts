import type { Tx } from "../../db/connection.js";
import { meetingParts } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { meetingPartRole } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, HttpProblem } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import { assertOpen, loadMeetingParts } from "./load-trajectory.js";
import { loadMeeting } from "./meetings.js";

/**
 * A participant writes their own part of a meeting's report, where the regime gives their role
 * one (the BPV-docent in a three-way conversation, a co-guide in a progress conversation). One
 * part per writer, changed by version; not for a cancelled meeting or a closed trajectory.
 */
export async function saveMeetingPart(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: { version: number | null; text: string },
) {
  const { loaded, meeting } = await loadMeeting(tx, actor, meetingId, { forUpdate: true });
  const type = meetingType(loaded.row.regime, meeting.type);
  const role = type ? meetingPartRole(loaded.viewer, type) : null;
  if (!role) throw forbidden();
  assertOpen(loaded);
  if (meeting.status === "cancelled") throw new HttpProblem(409, "meeting.cancelled");
  const [existing] = (await loadMeetingParts(tx, actor, loaded, meeting)).filter((p) => p.writtenBy === actor.userId);
  if (existing) {
    if (input.version === null) throw conflict();
    await updateVersioned(
      tx,
      meetingParts,
      { id: existing.id, organisationId: actor.organisationId, expectedVersion: input.version },
      { text: input.text, writtenBy: actor.userId },
    );
  } else {
    if (input.version !== null) throw conflict();
    await tx.insert(meetingParts).values({
      organisationId: actor.organisationId,
      trajectoryId: loaded.row.id,
      meetingId,
      role,
      writtenBy: actor.userId,
      text: input.text,
    });
  }
  await recordAudit(tx, actor, {
    type: "meeting.partWritten",
    subjectType: "meeting",
    subjectId: meetingId,
    after: { role },
  });
}

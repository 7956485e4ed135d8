import type { Tx } from "../../db/connection.js";
import type { Actor } from "../../domain/roles.js";
import { logRead } from "../privacy/access-log.js";
import { loadMeetingParts, traineeIds } from "./load-trajectory.js";
import { loadMeeting } from "./meetings.js";
import { presentMeeting } from "./present-meeting.js";

/** One meeting as the actor sees it; a read of its trainees' data by anyone else is logged. */
export async function showMeeting(tx: Tx, actor: Actor, id: string) {
  const { loaded, meeting: row } = await loadMeeting(tx, actor, id);
  await logRead(tx, actor, "meeting", traineeIds(loaded), id);
  return presentMeeting(loaded, row, await loadMeetingParts(tx, actor, loaded, row));
}

import type { Notification } from "../../domain/notifications/api";

type Translate = (key: string, values?: Record<string, unknown>) => string;

const KINDS: Record<string, string> = {
  "reminder.reregistration": "kinds.reregistration",
  "reminder.evaluation": "kinds.evaluation",
  "reminder.signature": "kinds.signature",
  "scan.friendRequest": "kinds.friendRequest",
  "assignment.submitted": "kinds.assignmentSubmitted",
  "assignment.signedOff": "kinds.assignmentSignedOff",
  "assignment.returned": "kinds.assignmentReturned",
  "case.submitted": "kinds.caseSubmitted",
  "case.approved": "kinds.caseApproved",
  "case.returned": "kinds.caseReturned",
  "case.withdrawn": "kinds.caseWithdrawn",
  "discussion.mention": "kinds.discussionMention",
  "discussion.newPosts": "kinds.discussionNewPosts",
  "discussion.reported": "kinds.discussionReported",
  "consensus.votingOpened": "kinds.votingOpened",
  "consensus.newRound": "kinds.newRound",
  "consensus.published": "kinds.published",
  "consensus.approve": "kinds.approve",
  "consensus.reject": "kinds.reject",
  "consensus.comment": "kinds.comment",
  "reminder.consensusVote": "kinds.consensusReminder",
  "reminder.event": "kinds.eventReminder",
  "event.promoted": "kinds.eventPromoted",
  "event.cancelled": "kinds.eventCancelled",
  "event.registered": "kinds.eventRegistered",
  "event.waiting": "kinds.eventWaiting",
  "trainerRequest.received": "kinds.trainerRequestReceived",
  "trainerRequest.accepted": "kinds.trainerRequestAccepted",
  "trainerRequest.declined": "kinds.trainerRequestDeclined",
  "privacy.erasureRequested": "kinds.erasureRequested",
};
const DECLARATIONS = ["start", "end", "independence"];

/**
 * A notification in words, from its kind and params; an unknown kind (from a newer Koers, say)
 * still reads as something. `formatDay` words an ISO date in the reader's language.
 */
export function notificationText(
  notification: Pick<Notification, "kind" | "params">,
  t: Translate,
  formatDay: (isoDate: string) => string,
): string {
  const key = KINDS[notification.kind];
  if (!key) return t("kinds.other");
  const params = notification.params;
  const text = (name: string) => {
    const value = params[name];
    return value === null || value === undefined ? "" : String(value);
  };
  const declaration = text("declaration");
  return t(key, {
    name: text("name"),
    trajectory: text("trajectory"),
    number: text("number"),
    round: text("round"),
    organisation: text("organisation"),
    label: text("label"),
    title: text("title"),
    count: typeof params.count === "number" ? params.count : Number(text("count")) || 0,
    date: text("date") ? formatDay(text("date")) : "",
    declaration: t(`declarations.${DECLARATIONS.includes(declaration) ? declaration : "other"}`),
  });
}

import { Tag } from "./Tag";

/** Colours of the built-in statuses; a status an organisation adds shows in grey. */
const colors: Record<string, string> = {
  draft: "gray",
  agreed: "blue",
  running: "teal",
  reporting: "violet",
  completed: "green",
  aborted: "red",
  escalated: "orange",
};

export function TrajectoryStatusBadge({ status, label }: { status: string; label: string }) {
  return <Tag color={colors[status] ?? "gray"}>{label}</Tag>;
}

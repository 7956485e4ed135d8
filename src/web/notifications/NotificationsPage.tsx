/** Placeholder until the feature lands. */
export default function NotificationsPage() {
  return null;
}

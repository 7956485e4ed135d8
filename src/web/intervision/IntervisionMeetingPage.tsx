/** Placeholder until the feature lands. */
export default function IntervisionMeetingPage() {
  return null;
}

/** Placeholder until the feature lands. */
export default function IntervisionGroupsPage() {
  return null;
}

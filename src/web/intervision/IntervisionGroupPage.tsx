/** Placeholder until the feature lands. */
export default function IntervisionGroupPage() {
  return null;
}

/** Placeholder until the feature lands. */
export default function ProfilesPage() {
  return null;
}

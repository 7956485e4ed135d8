/** Placeholder until the feature lands. */
export default function ProfilePage() {
  return null;
}

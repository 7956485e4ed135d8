/** Placeholder until the feature lands. */
export default function VerifyPage() {
  return null;
}

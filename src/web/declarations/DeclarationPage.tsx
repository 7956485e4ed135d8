/** Placeholder until the feature lands. */
export default function DeclarationPage() {
  return null;
}

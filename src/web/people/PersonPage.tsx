// Placeholder until this page is built.
export default function PersonPage() {
  return null;
}

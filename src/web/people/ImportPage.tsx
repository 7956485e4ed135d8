// Placeholder until this page is built.
export default function ImportPage() {
  return null;
}

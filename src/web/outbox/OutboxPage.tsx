// Placeholder until this page is built.
export default function OutboxPage() {
  return null;
}

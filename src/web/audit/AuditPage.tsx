// Placeholder until this page is built.
export default function AuditPage() {
  return null;
}

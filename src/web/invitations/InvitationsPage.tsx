// Placeholder until this page is built.
export default function InvitationsPage() {
  return null;
}

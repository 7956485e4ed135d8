// Placeholder until this page is built.
export default function AcceptInvitationPage() {
  return null;
}

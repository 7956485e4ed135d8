// Placeholder until this page is built.
export default function PeoplePage() {
  return null;
}

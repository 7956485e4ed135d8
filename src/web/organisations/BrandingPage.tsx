// Placeholder until this page is built.
export default function BrandingPage() {
  return null;
}

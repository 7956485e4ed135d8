/** Logo files: what is accepted is decided by the bytes, never by the file name or declared type. */

/** The largest logo accepted, in bytes: the upload limit and what the branding page tells. */
export const LOGO_MAX_BYTES = 512 * 1024;

export const LOGO_MIME_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoMime = (typeof LOGO_MIME_TYPES)[number];

const startsWith = (bytes: Uint8Array, offset: number, signature: readonly number[]) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the content really is (PNG, JPEG or WebP), or null for anything else. */
export function sniffLogoType(bytes: Uint8Array): LogoMime | null {
  // PNG: \x89 P N G \r \n \x1a \n
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // JPEG: SOI marker followed by the start of another marker.
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // WebP: a RIFF container whose form type is WEBP.
  if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) return "image/webp";
  return null;
}

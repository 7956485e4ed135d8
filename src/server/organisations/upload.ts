import type { FastifyRequest } from "fastify";
import type { Sharp } from "sharp";
import { LOGO_MAX_BYTES, type LogoMime, sniffLogoType } from "../../domain/organisations/logo.js";
import { readUpload } from "../http/files.js";
import { HttpProblem, invalid } from "../http/problem.js";

/** A logo is drawn at most a few hundred pixels wide: more pixels than this on either side is refused. */
export const LOGO_MAX_PIXELS = 2048;

const tooLarge = () => invalid({ logo: { key: "field.logoSize", values: { max: Math.floor(LOGO_MAX_BYTES / 1024) } } });

/**
 * Reads the `logo` part of a multipart request. The type is what the bytes are (PNG, JPEG or
 * WebP); the file name and the declared content type are ignored. Too large, empty or anything
 * else is a 422 on the `logo` field.
 */
export async function readLogoUpload(request: FastifyRequest): Promise<{ bytes: Buffer; mime: LogoMime }> {
  const { bytes } = await readUpload(request, {
    field: "logo",
    maxBytes: LOGO_MAX_BYTES,
    missing: () => invalid({ logo: "field.logoMissing" }),
    tooLarge,
  });
  const mime = sniffLogoType(bytes);
  if (!mime) throw invalid({ logo: "field.logoType" });
  return { bytes: await reencodeLogo(bytes, mime), mime };
}

const unreadable = () => invalid({ logo: "field.logoUnreadable" });

/**
 * Decodes the whole image and encodes it again in its own type: what is stored is an image
 * Koers made, never the uploaded bytes. A file whose header is right but whose image data is
 * not (truncated, corrupt compressed data) does not decode and is refused, so no later reader of
 * the logo (the browser, the PDF renderer) ever meets it. Metadata (camera, location) is dropped,
 * after turning the image the way its orientation said.
 */
export async function reencodeLogo(bytes: Buffer, mime: LogoMime): Promise<Buffer> {
  // Loaded with the first image, not at start-up.
  const { default: sharp } = await import("sharp");
  let image: Sharp;
  try {
    // Refused before decoding when the header claims more pixels than a logo can have.
    image = sharp(bytes, { failOn: "warning", limitInputPixels: LOGO_MAX_PIXELS * LOGO_MAX_PIXELS });
    const { width, height, format } = await image.metadata();
    if (width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS)
      throw invalid({ logo: { key: "field.logoDimensions", values: { max: LOGO_MAX_PIXELS } } });
    if (`image/${format}` !== mime && !(format === "jpeg" && mime === "image/jpeg")) throw unreadable();
    image = image.rotate();
    const encoded =
      mime === "image/png"
        ? image.png({ compressionLevel: 9 })
        : mime === "image/jpeg"
          ? image.jpeg({ quality: 90, mozjpeg: true })
          : image.webp({ quality: 90 });
    return await encoded.toBuffer();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    if (/pixel limit/i.test((error as Error).message ?? ""))
      throw invalid({ logo: { key: "field.logoDimensions", values: { max: LOGO_MAX_PIXELS } } });
    throw unreadable();
  }
}

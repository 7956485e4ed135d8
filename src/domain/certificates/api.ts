import { z } from "zod";
import { CERTIFICATE_KINDS } from "./certificate.js";

/** What the API says of completion certificates (decision 0027). */

const localized = z.object({ nl: z.string(), en: z.string() });

export const certificateContentSchema = z.object({
  kind: z.enum(CERTIFICATE_KINDS),
  holder: z.string(),
  organisation: z.string(),
  title: localized,
  version: z.number().int().nullable(),
  completedOn: z.iso.date(),
  minutes: z.number().int().nullable(),
  competences: z.array(
    z.object({ key: z.string(), name: localized, level: z.number().int().nullable(), module: z.string().nullable() }),
  ),
});

export const certificateViewSchema = z.object({
  id: z.uuid(),
  /** The module it certifies, or the framework of the learning line. */
  moduleId: z.uuid().nullable(),
  frameworkId: z.uuid().nullable(),
  content: certificateContentSchema,
  contentSha256: z.string(),
  issuedAt: z.iso.datetime(),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

export const certificateListSchema = z.object({ certificates: z.array(certificateViewSchema) });
export type CertificateList = z.infer<typeof certificateListSchema>;

export const learningLineCertificateSchema = z.object({ frameworkId: z.uuid() });

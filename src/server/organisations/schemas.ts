import { z } from "zod";
import { versionParamSchema } from "../../domain/version.js";

export const brandingResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  primaryColor: z.string(),
  /** Where the logo is served, with its version in the query so it may be cached for good; null without logo. */
  logoUrl: z.string().nullable(),
  logoMime: z.string().nullable(),
  logoUpdatedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
  /** The largest logo the server takes, so a page can say so before uploading. */
  logoMaxBytes: z.number().int(),
});
export type BrandingResponse = z.infer<typeof brandingResponse>;

export const versionQuery = z.object({ version: versionParamSchema });

export const organisationParams = z.object({ organisationId: z.uuid() });

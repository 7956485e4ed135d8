import { z } from "zod";
import { roleSchema } from "../role-schemas.js";
import { INVITATION_STATUSES } from "./status.js";

/** The invitation API's answers: validated on the way out, and typed for the web app by the same schema. */
export const invitationSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(INVITATION_STATUSES),
  invitedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;

export const invitationListSchema = z.object({
  items: z.array(invitationSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type InvitationList = z.infer<typeof invitationListSchema>;

export const invitationPreviewSchema = z.object({
  organisation: z.object({ name: z.string(), primaryColor: z.string() }),
  name: z.string(),
  email: z.string(),
  /** True when the address already signs in to Koers: then the person confirms with that password. */
  accountExists: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

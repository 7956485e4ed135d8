import { z } from "zod";
import { INVITATION_STATUSES } from "../../domain/invitations/status.js";
import { rolesSchema } from "../../domain/roles.js";
import { emailSchema } from "../auth/schemas.js";

export const invitationIdParams = z.object({ invitationId: z.uuid() });

export const createInvitationBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  roles: rolesSchema,
});
export type CreateInvitationInput = z.infer<typeof createInvitationBody>;

export const listInvitationsQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

export const invitationResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  status: z.enum(INVITATION_STATUSES),
  invitedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const invitationListResponse = z.object({
  items: z.array(invitationResponse),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

/** The token is a secret from the mail; it is only ever compared by its hash. */
const tokenSchema = z.string().min(10).max(200);

export const acceptQuery = z.object({ token: tokenSchema });

export const acceptInfoResponse = z.object({
  organisation: z.object({ name: z.string(), primaryColor: z.string() }),
  name: z.string(),
  email: z.string(),
  /** True when the address already signs in to Koers: then the person confirms with that password. */
  accountExists: z.boolean(),
  expiresAt: z.iso.datetime(),
});

/** A new password is checked against the minimum in the service: an existing one is only verified. */
export const acceptBody = z.object({ token: tokenSchema, password: z.string().min(1).max(200) });

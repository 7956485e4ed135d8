import { z } from "zod";
import { rolesSchema } from "../../domain/role-schemas.js";
import { emailSchema } from "../auth/schemas.js";

export {
  invitationListSchema as invitationListResponse,
  invitationPreviewSchema as acceptInfoResponse,
  invitationSummarySchema as invitationResponse,
} from "../../domain/invitations/api.js";

export const invitationIdParams = z.object({ invitationId: z.uuid() });

export const createInvitationBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  roles: rolesSchema,
});
export type CreateInvitationInput = z.infer<typeof createInvitationBody>;

export const listInvitationsQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

/** The token is a secret from the mail; it is only ever compared by its hash. */
const tokenSchema = z.string().min(10).max(200);

export const acceptQuery = z.object({ token: tokenSchema });

/**
 * A new password is checked against the minimum in the service: an existing one is only
 * verified. Someone signed in as the invited account may leave it out.
 */
export const acceptBody = z.object({ token: tokenSchema, password: z.string().max(200).optional() });

import { z } from "zod";
import { PAGE_SIZES, personStatusSchema } from "../../domain/people/api.js";
import { roleSchema } from "../../domain/role-schemas.js";

export {
  personDetailSchema,
  personListSchema,
  registrationResponseSchema,
} from "../../domain/people/api.js";

import { versionParamSchema, versionSchema } from "../../domain/version.js";

/** Path ids are uuids: anything else cannot exist, and the error handler turns it into a 404. */
export const personParams = z.object({ personId: z.uuid() });
export const registrationParams = z.object({ personId: z.uuid(), registrationId: z.uuid() });

// An empty filter from a form (`?role=`) means "any", not a validation error.
export const listQuery = z.object({
  search: z.string().trim().max(200).optional(),
  role: z.union([roleSchema, z.literal("")]).optional(),
  status: z.union([personStatusSchema, z.literal("")]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(25),
});
export type ListQuery = z.infer<typeof listQuery>;

export const versionBody = z.object({ version: versionSchema });
export const versionQuery = z.object({ version: versionParamSchema });

import { z } from "zod";
import {
  IMPORT_COLUMNS,
  IMPORT_ERROR_CODES,
  importRowSchema,
  MAX_IMPORT_BATCH,
  MAX_IMPORT_CHECK,
} from "../../../domain/people/import.js";

export const checkBody = z.object({
  emails: z.array(z.string().max(320)).min(1).max(MAX_IMPORT_CHECK),
});

export const checkResponse = z.object({
  /** The addresses of the request (lower case) that already belong to a member of the organisation. */
  members: z.array(z.string()),
});

/**
 * Rows are checked one by one on the server, so one bad row is skipped rather than failing the
 * batch; the schema documents the shape a row should have.
 */
const { $schema: _, ...rowJsonSchema } = z.toJSONSchema(importRowSchema, { io: "input" });
export const importBody = z.object({
  rows: z
    .array(z.unknown().meta({ description: "A person to import", ...rowJsonSchema }))
    .min(1)
    .max(MAX_IMPORT_BATCH),
});

export const importResponse = z.object({
  created: z.number().int(),
  skipped: z.array(
    z.object({
      index: z.number().int(),
      code: z.enum(IMPORT_ERROR_CODES),
      column: z.enum(IMPORT_COLUMNS),
    }),
  ),
});
export type ImportResponse = z.infer<typeof importResponse>;

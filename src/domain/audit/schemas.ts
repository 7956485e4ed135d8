import { z } from "zod";
import { AUDIT_SUBJECT_TYPES, auditEventTypeSchema } from "../audit.js";
import { dateSchema } from "../date-schemas.js";

export const AUDIT_PAGE_SIZE = 25;

/** Filters of the audit-log browser; dates are whole days in Dutch time, both ends included. */
export const auditQuerySchema = z
  .object({
    type: auditEventTypeSchema.optional(),
    subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
    actor: z.uuid().optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "field.dateRangeInvalid", path: ["to"] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  type: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** The subject in words (a person's or organisation's name), when it can still be found. */
  subjectName: z.string().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The address and browser of the request that made the change; null where none did (or before they were kept). */
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditActorsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

import { z } from "zod";
import { dateSchema } from "../date-schemas.js";

/**
 * The access log (decision 0036): which reads of a person's data by someone else are written
 * down, and who may read what was written.
 */

/** What was read: a kind of page or document that shows a person's data. */
export const ACCESS_KINDS = [
  "person",
  "trajectory",
  "meeting",
  "evidence",
  "declaration",
  "document",
  "scan",
  "assignment",
  "accessLog",
  /** All of a person's data at once: the admin producing their export on their request. */
  "export",
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const accessKindSchema = z.enum(ACCESS_KINDS);

/**
 * Whose reads are written down: everyone whose data was shown, except the reader themselves
 * (reading one's own data is not an access to log), each once.
 */
export function subjectsToLog(viewerId: string, subjects: Iterable<string>): string[] {
  return [...new Set(subjects)].filter((subject) => subject !== viewerId);
}

/** One read as the log shows it: when, who read, whose data, and what. */
export const accessEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: accessKindSchema,
  /** The reader as the organisation names them; null once they were erased. */
  viewer: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
  /** Whose data was read. */
  person: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
  /** The trajectory, meeting, declaration or document read, where there is one. */
  recordId: z.uuid().nullable(),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

/** The most recent reads first, at most `ACCESS_PAGE` of them. */
export const accessLogSchema = z.object({ items: z.array(accessEntrySchema), more: z.boolean() });
export type AccessLog = z.infer<typeof accessLogSchema>;
export const ACCESS_PAGE = 200;

/** The admin's search: whose data, read by whom, on which days (Dutch time). */
export const accessLogQuery = z
  .object({
    personId: z.uuid().optional(),
    viewerId: z.uuid().optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "field.periodOrder" });
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

import { z } from "zod";
import { versionSchema } from "../version.js";

/** Requests and answers of the qualifications API: the core tasks and work processes goals are picked from. */

export const saveQualificationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The qualification's number in the register of vocational qualifications (crebo), if known. */
  code: z.string().trim().max(20).nullable().default(null),
  /** Core tasks and work processes, one per line, each starting with its code. */
  text: z.string().max(50_000),
});
export type SaveQualificationInput = z.infer<typeof saveQualificationSchema>;
export const updateQualificationSchema = saveQualificationSchema.extend({ version: versionSchema });
export type UpdateQualificationInput = z.infer<typeof updateQualificationSchema>;

const workProcess = z.object({ code: z.string(), title: z.string() });
export const qualificationViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  tasks: z.array(z.object({ code: z.string(), title: z.string(), workProcesses: z.array(workProcess) })),
  version: z.number().int(),
});
export type QualificationView = z.infer<typeof qualificationViewSchema>;

export const qualificationListSchema = z.object({
  items: z.array(qualificationViewSchema),
  canManage: z.boolean(),
});
export type QualificationList = z.infer<typeof qualificationListSchema>;

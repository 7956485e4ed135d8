import { z } from "zod";

/** The notifications API's answers, typed for the web app by the same schema. */
export const notificationSchema = z.object({
  id: z.uuid(),
  /** What it is about, e.g. `reminder.signature`; the web words it from kind and params. */
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Where in Koers the subject is, a path. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

import { z } from "zod";
import { versionSchema } from "../version.js";
import { DISCUSSION_SUBJECTS } from "./rules.js";

/** What the API says of a discussion on a case or a module, and what it takes to post in one (decision 0029). */

export const POST_MAX = 4000;
const text = (max: number) => z.string().trim().min(1, { error: "field.required" }).max(max);

export const newPostSchema = z.object({ body: text(POST_MAX), parentId: z.uuid().nullable().optional() });
export const editPostSchema = z.object({ body: text(POST_MAX), version: versionSchema });
export const hidePostSchema = z.object({ reason: text(500) });
export const reportPostSchema = z.object({ reason: text(500) });

export const POST_STATES = ["visible", "removed", "hidden"] as const;

export const postViewSchema = z.object({
  id: z.uuid(),
  /** The post it answers; null for a post that starts a thread. */
  parentId: z.uuid().nullable(),
  author: z.object({ name: z.string(), organisation: z.string() }),
  mine: z.boolean(),
  state: z.enum(POST_STATES),
  /** Empty once removed or hidden: the thread keeps its place. */
  body: z.string(),
  hiddenReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** Until when its author may still change it; null when they may not. */
  editableUntil: z.iso.datetime().nullable(),
  version: z.number().int(),
  /** How many people of the reader's organisation reported it (trainers only; 0 for others). */
  reports: z.number().int(),
  policies: z.object({ edit: z.boolean(), remove: z.boolean(), hide: z.boolean(), report: z.boolean() }),
});
export type PostView = z.infer<typeof postViewSchema>;

export const discussionViewSchema = z.object({
  subject: z.object({ kind: z.enum(DISCUSSION_SUBJECTS), id: z.uuid(), title: z.string() }),
  /** Who reads it: the network's members, or the organisation's. */
  audience: z.enum(["network", "organisation"]),
  /** In the order they were written; replies name their parent. */
  posts: z.array(postViewSchema),
  policies: z.object({ post: z.boolean(), moderate: z.boolean() }),
});
export type DiscussionView = z.infer<typeof discussionViewSchema>;

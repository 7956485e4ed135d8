import { z } from "zod";

/** The consensus round as the API speaks it (decision 0024). */

export const castVoteSchema = z.object({
  kind: z.enum(["approve", "reject", "comment"]),
  itemKey: z.string().min(1).max(48).nullish(),
  body: z.string().trim().max(4000).nullish(),
});
export type CastVoteInput = z.infer<typeof castVoteSchema>;

const memberVoteSchema = z.object({
  name: z.string(),
  primaryColor: z.string().nullable(),
  own: z.boolean(),
  status: z.enum(["approved", "rejected", "waiting"]),
  reason: z.string().nullable(),
  at: z.string().nullable(),
});
const commentSchema = z.object({
  itemKey: z.string().nullable(),
  organisationName: z.string(),
  /** The commenter's name: only to their own organisation. */
  authorName: z.string().nullable(),
  body: z.string(),
  round: z.number().int(),
  at: z.string(),
});
export const consensusViewSchema = z.object({
  versionId: z.uuid(),
  number: z.number().int(),
  status: z.enum(["draft", "voting", "published", "withdrawn"]),
  round: z.number().int(),
  rule: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("quorum"), min: z.number().int() }),
  ]),
  state: z.enum(["open", "rejected", "agreed"]),
  members: z.array(memberVoteSchema),
  comments: z.array(commentSchema),
  history: z.array(
    z.object({
      round: z.number().int(),
      votes: z.array(
        z.object({ organisationName: z.string(), kind: z.enum(["approve", "reject"]), reason: z.string().nullable() }),
      ),
    }),
  ),
  policies: z.object({ vote: z.boolean(), open: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
});
export type ConsensusView = z.infer<typeof consensusViewSchema>;

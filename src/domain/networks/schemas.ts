import { z } from "zod";
import { consensusRuleSchema } from "../competences/consensus.js";
import { versionSchema } from "../version.js";

export const renameNetworkSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** When a version of the network's framework is agreed (at most as many as there are members). */
  consensusRule: consensusRuleSchema.optional(),
  /** How many months a trainer certificate holds (null: no end); left out, it stays as it is. */
  certificateValidityMonths: z.number().int().min(1).max(120).nullable().optional(),
  version: versionSchema,
});
export type RenameNetworkInput = z.infer<typeof renameNetworkSchema>;

/** Another member shows by name and colour only: none of its ids leaves the server. */
const memberSchema = z.object({ name: z.string(), primaryColor: z.string(), own: z.boolean() });
/** Of another organisation's people only a coordinator's name and organisation ever leave the server. */
const coordinatorSchema = z.object({ name: z.string(), organisationName: z.string() });

export const networkViewSchema = z.object({
  /** Null when the organisation is in no network. */
  network: z
    .object({
      id: z.uuid(),
      name: z.string(),
      version: z.number().int(),
      consensusRule: consensusRuleSchema,
      certificateValidityMonths: z.number().int().nullable(),
      members: z.array(memberSchema),
      coordinators: z.array(coordinatorSchema),
    })
    .nullable(),
  policies: z.object({ rename: z.boolean() }),
});
export type NetworkView = z.infer<typeof networkViewSchema>;

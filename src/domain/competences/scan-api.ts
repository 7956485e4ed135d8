import { z } from "zod";
import { localizedSchema } from "../regimes/schema.js";
import { versionSchema } from "../version.js";
import { RATER_KINDS } from "./anonymity.js";

/**
 * The self-scan with critical friends as the API speaks it: what a werkbegeleider starts, rates
 * and finishes, whom they ask, and what a friend sees (the behaviours and the scale, nothing else).
 */

const key = z.string().min(1).max(48);
const rating = z.number().int().min(-1000).max(1000).nullable();

export const SCAN_STATUSES = ["open", "finished"] as const;
export const FRIEND_STATUSES = ["invited", "answered", "declined", "withdrawn", "expired"] as const;
export type FriendStatus = (typeof FRIEND_STATUSES)[number];

/** How long a friend's invitation stands: answers count whenever they come until then. */
export const FRIEND_DAYS = 21;

export const startScanSchema = z.object({ frameworkId: z.uuid(), variant: key });
export type StartScanInput = z.infer<typeof startScanSchema>;

export const saveScanSchema = z.object({
  ratings: z.record(z.string().max(48), rating).default({}),
  examples: z.record(z.string().max(48), z.string().max(4000)).default({}),
  version: versionSchema,
});
export type SaveScanInput = z.infer<typeof saveScanSchema>;

/** A member by their membership, or someone without an account by name and e-mail. */
export const inviteFriendSchema = z
  .object({
    kind: z.enum(RATER_KINDS),
    membershipId: z.uuid().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.membershipId) return;
    if (!input.name) ctx.addIssue({ code: "custom", path: ["name"], message: "field.required" });
    if (!input.email) ctx.addIssue({ code: "custom", path: ["email"], message: "field.required" });
  });
export type InviteFriendInput = z.infer<typeof inviteFriendSchema>;

export const answerSchema = z.object({ ratings: z.record(z.string().max(48), rating) });
export type AnswerInput = z.infer<typeof answerSchema>;

export const tokenAnswerSchema = answerSchema.extend({ token: z.string().min(1).max(200) });
export const tokenSchema = z.object({ token: z.string().min(1).max(200) });

const levelSchema = z.object({
  value: z.number().int(),
  name: localizedSchema,
  description: localizedSchema.nullable(),
});

/** The behaviours to rate, per competence and skill, in the framework's order (retired ones left out). */
const competenceSchema = z.object({
  key: z.string(),
  name: localizedSchema,
  description: localizedSchema.nullable(),
  skills: z.array(
    z.object({
      key: z.string(),
      name: localizedSchema,
      behaviours: z.array(z.object({ key: z.string(), text: localizedSchema })),
    }),
  ),
});

export const scanFrameworkSchema = z.object({
  name: localizedSchema,
  versionNumber: z.number().int(),
  scale: z.array(levelSchema),
  competences: z.array(competenceSchema),
});
export type ScanFramework = z.infer<typeof scanFrameworkSchema>;

export const scanSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(SCAN_STATUSES),
  frameworkName: localizedSchema,
  versionNumber: z.number().int(),
  variant: z.object({ key: z.string(), name: localizedSchema }),
  rated: z.number().int(),
  total: z.number().int(),
  friendsAnswered: z.number().int(),
  friendsAsked: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

export const scanListSchema = z.object({
  open: scanSummarySchema.nullable(),
  history: z.array(scanSummarySchema),
  startable: z.array(
    z.object({
      frameworkId: z.uuid(),
      name: localizedSchema,
      versionNumber: z.number().int(),
      variants: z.array(z.object({ key: z.string(), name: localizedSchema })),
    }),
  ),
});
export type ScanList = z.infer<typeof scanListSchema>;

export const friendViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RATER_KINDS),
  name: z.string(),
  member: z.boolean(),
  status: z.enum(FRIEND_STATUSES),
  invitedAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type FriendView = z.infer<typeof friendViewSchema>;

export const scanDetailSchema = z.object({
  id: z.uuid(),
  status: z.enum(SCAN_STATUSES),
  version: z.number().int(),
  variant: z.object({ key: z.string(), name: localizedSchema }),
  framework: scanFrameworkSchema,
  ratings: z.record(z.string(), z.number().int().nullable()),
  examples: z.record(z.string(), z.string()),
  friends: z.array(friendViewSchema),
  /** The organisation's other active members, to ask as a friend. */
  candidates: z.array(z.object({ membershipId: z.uuid(), name: z.string() })),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ScanDetail = z.infer<typeof scanDetailSchema>;

/** What a friend sees: whose scan, the behaviours and the scale. Never the owner's ratings. */
export const friendRequestSchema = z.object({
  id: z.uuid(),
  ownerName: z.string(),
  organisationName: z.string(),
  status: z.enum(FRIEND_STATUSES),
  expiresAt: z.string(),
  framework: scanFrameworkSchema,
});
export type FriendRequest = z.infer<typeof friendRequestSchema>;

export const friendRequestListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      ownerName: z.string(),
      kind: z.enum(RATER_KINDS),
      invitedAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
});
export type FriendRequestList = z.infer<typeof friendRequestListSchema>;

const shownGroupSchema = z.object({
  group: z.enum([...RATER_KINDS, "others"]),
  raters: z.number().int(),
  mean: z.number(),
});

/** One competence in a scan's result: self, friends (as the anonymity rule allows), combined, target. */
const competenceResultSchema = z.object({
  key: z.string(),
  name: localizedSchema,
  self: z.number().nullable(),
  others: z.number().nullable(),
  level: z.number().nullable(),
  target: z.number(),
  gap: z.number(),
  groups: z.array(shownGroupSchema),
});

/** A finished scan's result: what its owner, their praktijkopleider and team leader see. Never one friend's answers. */
export const scanResultsSchema = z.object({
  id: z.uuid(),
  /** How the reader reads it: as its owner, or as the praktijkopleider or team leader. */
  reader: z.enum(["owner", "praktijkopleider", "team_leader"]),
  ownerName: z.string(),
  frameworkName: localizedSchema,
  versionNumber: z.number().int(),
  variant: z.object({ key: z.string(), name: localizedSchema }),
  scale: z.array(z.object({ value: z.number().int(), name: localizedSchema })),
  finishedAt: z.string(),
  friendsAnswered: z.number().int(),
  competences: z.array(competenceResultSchema),
  /** Competence keys: the largest gaps first, and the strongest points. */
  highlights: z.object({ gaps: z.array(z.string()), strengths: z.array(z.string()) }),
});
export type ScanResults = z.infer<typeof scanResultsSchema>;

export const compareScansQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });

/** Growth per competence between two finished scans of one person, matched by competence key. */
export const scanComparisonSchema = z.object({
  from: z.object({ id: z.uuid(), finishedAt: z.string(), versionNumber: z.number().int() }),
  to: z.object({ id: z.uuid(), finishedAt: z.string(), versionNumber: z.number().int() }),
  competences: z.array(
    z.object({
      key: z.string(),
      name: localizedSchema,
      before: z.number().nullable(),
      after: z.number().nullable(),
      change: z.number().nullable(),
      target: z.number().nullable(),
      /** "both", or the one scan whose framework version had this competence. */
      in: z.enum(["both", "from", "to"]),
    }),
  ),
});
export type ScanComparison = z.infer<typeof scanComparisonSchema>;

/** Per werkbegeleider the praktijkopleider (all) or team leader (own team) oversees: scanned or not, and the result. */
export const scanOverviewSchema = z.object({
  items: z.array(
    z.object({
      membershipId: z.uuid(),
      name: z.string(),
      openScan: z.boolean(),
      finishedScans: z.number().int(),
      latest: z
        .object({
          scanId: z.uuid(),
          finishedAt: z.string(),
          frameworkName: localizedSchema,
          versionNumber: z.number().int(),
          competences: z.number().int(),
          belowTarget: z.number().int(),
        })
        .nullable(),
    }),
  ),
});
export type ScanOverview = z.infer<typeof scanOverviewSchema>;

import { z } from "zod";
import { certificateContentSchema } from "../certificates/api.js";
import { PARTICIPANT_ROLES } from "../regimes/schema.js";
import { VERIFIED_STATUSES } from "./verification.js";

/** What the declaration routes accept and answer; the web reads the types from here. */

const role = z.enum(PARTICIPANT_ROLES);

export const declarationContentSchema = z.object({
  locale: z.enum(["nl", "en"]),
  key: z.string(),
  form: z.string().nullable(),
  title: z.string(),
  statement: z.string(),
  trajectory: z.object({
    title: z.string(),
    regime: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reregistrationDate: z.string().nullable(),
  }),
  signers: z.array(z.object({ key: z.string(), label: z.string() })),
  parties: z.array(z.object({ role, roleLabel: z.string(), name: z.string() })).optional(),
  guideEligibility: z
    .object({
      verdict: z.enum(["eligible", "eligibleWithMotivation", "notEligible"]).nullable(),
      verdictLabel: z.string(),
      rule: z.string().nullable(),
      reasons: z.array(z.string()),
      judgedOn: z.string().nullable(),
      motivationUploaded: z.boolean(),
      motivationSha256: z.string().nullable(),
    })
    .optional(),
  plan: z
    .object({
      fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
      evaluationMoments: z.array(z.object({ date: z.string(), label: z.string() })),
      intensity: z
        .object({
          meetingType: z.string(),
          phases: z.array(z.object({ everyWeeks: z.number(), times: z.number() })),
        })
        .nullable(),
    })
    .optional(),
  meetings: z.object({ held: z.number().int() }).optional(),
  hours: z.object({ faceToFaceMinutes: z.number().int() }).optional(),
  deviation: z.object({ text: z.string().nullable() }).optional(),
});

const signatureView = z.object({
  userId: z.uuid(),
  name: z.string(),
  signedAt: z.string(),
  contentSha256: z.string(),
  /** The address it was signed from: shown to the admin and to the signer only. */
  ip: z.string().nullable(),
});

export const declarationViewSchema = z.object({
  id: z.uuid(),
  trajectoryId: z.uuid(),
  trajectoryTitle: z.string(),
  key: z.string(),
  form: z.string().nullable(),
  title: z.string(),
  number: z.number().int(),
  status: z.enum(["open", "signed", "superseded"]),
  /** Whether this is the newest version of the declaration. */
  latest: z.boolean(),
  frozenAt: z.string().nullable(),
  /** The frozen content once signed by someone; until then the content as generated now. */
  content: declarationContentSchema,
  contentSha256: z.string().nullable(),
  liveContentSha256: z.string(),
  deviation: z.string().nullable(),
  includesDeviation: z.boolean(),
  version: z.number().int(),
  slots: z.array(
    z.object({ key: z.string(), label: z.string(), roles: z.array(role), signature: signatureView.nullable() }),
  ),
  fullySigned: z.boolean(),
  changedSinceSigning: z.boolean(),
  needsNewVersion: z.boolean(),
  overdue: z.boolean(),
  dueDate: z.string().nullable(),
  /** What sets the due date: days after the start, the end, or the re-registration date. */
  dueReason: z.enum(["start", "end", "reregistration"]).nullable(),
  /** A motivated request for the guide is needed before this can be signed, and none is uploaded. */
  motivationMissing: z.boolean(),
  /** The slots the requester may sign now. */
  signableSlots: z.array(z.string()),
  abilities: z.object({ editDeviation: z.boolean(), newVersion: z.boolean() }),
  history: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      status: z.enum(["open", "signed", "superseded"]),
      contentSha256: z.string().nullable(),
      frozenAt: z.string().nullable(),
    }),
  ),
});
export type DeclarationView = z.infer<typeof declarationViewSchema>;

export const motivationViewSchema = z.object({
  /** The guide's eligibility needs a motivated request. */
  required: z.boolean(),
  documents: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      sha256: z.string(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  canUpload: z.boolean(),
});
export type MotivationView = z.infer<typeof motivationViewSchema>;

export const declarationListSchema = z.object({
  items: z.array(declarationViewSchema),
  motivation: motivationViewSchema,
});
export type DeclarationList = z.infer<typeof declarationListSchema>;

export const signBodySchema = z.object({
  password: z.string().min(1).max(200),
  /** Which slot to sign; optional when the requester may sign only one. */
  slot: z.string().max(48).optional(),
});

export const deviationBodySchema = z.object({
  version: z.number().int().min(1),
  deviation: z.string().trim().max(10_000).nullable(),
});

export const verifyBodySchema = z.object({ hash: z.string().trim().max(200) });

export const verificationSchema = z.object({
  /** The file or hash is one Koers knows: it says nothing yet about whether it was signed. */
  match: z.boolean(),
  /** Whether the uploaded file's bytes or the content hash matched. */
  matchedBy: z.enum(["file", "content"]).optional(),
  /**
   * True only for a fully signed declaration that no newer version replaces: the one answer that
   * means "this is the declaration in force". False for a draft, a partly signed or superseded
   * version, a copy downloaded before the last signature, and anything unknown.
   */
  signedAndCurrent: z.boolean(),
  declaration: z
    .object({
      title: z.string(),
      form: z.string().nullable(),
      organisation: z.string(),
      number: z.number().int(),
      /** Where the checked document stands: a file as it was handed out, a content hash as it is now. */
      status: z.enum(VERIFIED_STATUSES),
      /** No newer version of this declaration exists. */
      current: z.boolean(),
      contentSha256: z.string().nullable(),
      /** The signatures the checked document carries. */
      signers: z.array(z.object({ name: z.string(), slot: z.string(), signedAt: z.string() })),
    })
    .optional(),
  /** A completion certificate: what it says, as issued (decision 0027). */
  certificate: certificateContentSchema.extend({ contentSha256: z.string(), issuedAt: z.iso.datetime() }).optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

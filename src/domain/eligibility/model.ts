import { z } from "zod";
import { localizedSchema } from "../regimes/schema.js";

/** What the rules say about a proposed guide: eligible, eligible once a motivated request is uploaded, or not. */
export const ELIGIBILITY_VERDICTS = ["eligible", "eligibleWithMotivation", "notEligible"] as const;
export const eligibilityVerdictSchema = z.enum(ELIGIBILITY_VERDICTS);
export type EligibilityVerdict = z.infer<typeof eligibilityVerdictSchema>;

/** The judgement in words, as shown while assigning a guide and kept with the trajectory. */
export const guideEligibilitySchema = z.object({
  verdict: eligibilityVerdictSchema,
  /** Which rule applied, e.g. "a qualifying registration" or "an experienced professional". */
  rule: localizedSchema,
  /** Why, one sentence per fact that decided it. */
  reasons: z.array(localizedSchema),
  /** Registrations of type "other" (not on their register's list): no rule matches them; check them. */
  unknownRegistrationTypes: z.array(z.string()).optional(),
});
export type GuideEligibility = z.infer<typeof guideEligibilitySchema>;

/** As stored on a trajectory: the judgement, for whom, and on which start date. */
export const guideEligibilityRecordSchema = guideEligibilitySchema.extend({
  guideUserId: z.uuid(),
  judgedOn: z.iso.date(),
});
export type GuideEligibilityRecord = z.infer<typeof guideEligibilityRecordSchema>;

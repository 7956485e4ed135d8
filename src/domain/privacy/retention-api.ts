import { z } from "zod";

/** The admin's view of retention (decision 0038): the dry run, whether the job is on, and its runs. */
export const retentionOverviewSchema = z.object({
  /** When the admin turned the nightly job on for the organisation; null while it is off. */
  enabledAt: z.string().nullable(),
  /** The months the organisation chose, per kind (table); the registry's default holds for the rest. */
  periods: z.record(z.string(), z.number().int()),
  /** Every kind of data of the organisation, in the registry's order: what the next run would remove, or null where the job does not remove it by time. */
  kinds: z.array(z.object({ table: z.string(), due: z.number().int().nullable() })),
  /** Kinds Koers keeps only to work, cleared every night for all organisations. */
  system: z.array(z.string()),
  runs: z.array(
    z.object({
      id: z.uuid(),
      ranAt: z.string(),
      day: z.string(),
      removed: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>;

export const retentionSwitchSchema = z.object({ enabled: z.boolean() });

/** The admin's choice of months per kind of data (by table); kinds left out keep what they have. */
export const retentionPeriodsSchema = z.object({ periods: z.record(z.string(), z.number().int()) });

/** The organisation's own periods alone, for the processing register: no dry run counted. */
export const retentionPeriodsViewSchema = z.object({ periods: z.record(z.string(), z.number().int()) });
export type RetentionPeriodsView = z.infer<typeof retentionPeriodsViewSchema>;

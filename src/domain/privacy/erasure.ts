import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import { addMonths } from "../dutch-time.js";
import type { Erasure, PersonalData } from "./registry.js";

/**
 * Erasure per organisation (decision 0039). Pure: what erasing a person does to each kind of
 * record, and until when what must be kept is kept. The review screen, its dry run and the
 * erasure itself all read this, so what the admin saw is what happens.
 */

/** How many records of one kind name the person: as its subject, or as someone else in it (who made or signed it). */
export interface Found {
  table: string;
  asSubject: number;
  asOther: number;
}

export interface ErasureLine {
  table: string;
  action: Erasure;
  count: number;
}

/**
 * Per kind, what happens to the records that name the person: their own records as the registry
 * says (delete, anonymise, keep); records where they only made, reviewed or signed something for
 * someone else are always anonymised, since those belong to the other person. Kinds without
 * records are left out.
 */
export function erasureLines(entries: readonly PersonalData[], found: readonly Found[]): ErasureLine[] {
  const byTable = new Map(found.map((f) => [f.table, f]));
  return entries.flatMap((entry): ErasureLine[] => {
    const f = byTable.get(entry.table);
    if (!f) return [];
    const lines: ErasureLine[] = [];
    if (f.asSubject > 0) lines.push({ table: entry.table, action: entry.erasure, count: f.asSubject });
    if (f.asOther > 0) {
      const same = lines.find((line) => line.action === "anonymise");
      if (same) same.count += f.asOther;
      else lines.push({ table: entry.table, action: "anonymise", count: f.asOther });
    }
    return lines;
  });
}

/**
 * Until when evidence about the person is kept for a register's audit: the last re-registration
 * it may serve (the latest `validUntil`, or today if that has passed or there is none), plus the
 * months the register may still ask for it afterwards.
 */
export function keptUntil(validUntil: readonly string[], today: string, auditMonths: number): string {
  const last = validUntil.reduce((latest, day) => (day > latest ? day : latest), today);
  return addMonths(last, auditMonths);
}

/**
 * The name an erased person goes by in the organisation from then on: the same for every page, list
 * and export, and told apart from others erased by a short part of the membership's id.
 */
export const pseudonym = (membershipId: string) =>
  `Verwijderde persoon ${membershipId.replace(/-/g, "").slice(0, 6).toUpperCase()}`;

/** The person asks to be erased from the organisation, with a note for the admin if they like. */
export const erasureAskSchema = z.object({ note: z.string().trim().max(2000).optional() });
export type ErasureAsk = z.infer<typeof erasureAskSchema>;

/** The admin applies an erasure: the day the request came in (asked in Koers, or by letter or mail). */
export const erasureApplySchema = z.object({ requestedOn: dateSchema });
export type ErasureApply = z.infer<typeof erasureApplySchema>;

const requestSchema = z.object({
  id: z.uuid(),
  requestedOn: z.string(),
  note: z.string().nullable(),
  /** Whether the person asked in Koers themselves (otherwise an admin recorded it). */
  bySelf: z.boolean(),
});

/** The person's own view: their open request, if any. */
export const ownErasureSchema = z.object({ request: requestSchema.nullable() });
export type OwnErasure = z.infer<typeof ownErasureSchema>;

/**
 * The admin's review: the open request, per kind what erasure will do, and until when evidence is
 * kept. Whether the account goes too is not told: that would say whether the person belongs to
 * another organisation, which is not this one's to know.
 */
export const erasureReviewSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  request: requestSchema.nullable(),
  lines: z.array(
    z.object({ table: z.string(), action: z.enum(["delete", "anonymise", "keep"]), count: z.number().int() }),
  ),
  keptUntil: z.string(),
});
export type ErasureReview = z.infer<typeof erasureReviewSchema>;

/** What an erasure did, for the admin's confirmation: the pseudonym the person now goes by. */
export const erasureDoneSchema = z.object({
  pseudonym: z.string(),
  lines: erasureReviewSchema.shape.lines,
  keptUntil: z.string(),
});
export type ErasureDone = z.infer<typeof erasureDoneSchema>;

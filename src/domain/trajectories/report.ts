import type { Locale, Regime } from "../regimes/schema.js";
import { TIME_ZONE } from "../time-zone.js";
import { meetingType } from "./evaluate.js";
import type { GoalSnapshot } from "./model.js";
import type { RatingPoint } from "./ratings.js";

export interface ReportFacts {
  regime: Regime;
  goals: { goal: GoalSnapshot; points: RatingPoint[] }[];
  meetings: { type: string; startsAt: string; status: string }[];
  startsOn: string;
  endsOn: string;
}

const dateText = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: TIME_ZONE,
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** How far a goal was reached, from its last guide rating on the regime's scale. */
export function goalResult(regime: Regime, points: readonly Pick<RatingPoint, "guide">[]) {
  const rated = points.filter((p) => p.guide !== null);
  const first = rated[0]?.guide ?? null;
  const last = rated.at(-1)?.guide ?? null;
  const { min, max, labels } = regime.goals.ratingScale;
  const share = last === null ? null : Math.round(((last - min) / (max - min)) * 100);
  const lastLabel = last === null ? null : (labels?.[last - min] ?? null);
  return { first, last, share, lastLabel, max };
}

/**
 * The first draft of the final report, written from the data: results per goal and the course
 * of the process; other sections start from the regime's draft text. The guide edits it after.
 */
export function draftReport(facts: ReportFacts, locale: Locale): Record<string, string> {
  const nl = locale === "nl";
  const sections: Record<string, string> = {};
  for (const section of facts.regime.report.sections) {
    if (section.source === "goalResults") {
      sections[section.key] = facts.goals
        .map(({ goal, points }, index) => {
          const result = goalResult(facts.regime, points);
          const head = `${index + 1}. ${goal.title}`;
          if (result.last === null) return `${head}\n${nl ? "Nog niet beoordeeld." : "Not rated yet."}`;
          const label = result.lastLabel ? ` (${result.lastLabel[locale]})` : "";
          const course =
            result.first !== null && result.first !== result.last
              ? nl
                ? ` Verloop: van ${result.first} naar ${result.last}.`
                : ` Course: from ${result.first} to ${result.last}.`
              : "";
          return `${head}\n${nl ? "Laatste beoordeling" : "Last rating"}: ${result.last} / ${result.max}${label}.${course}`;
        })
        .join("\n\n");
    } else if (section.source === "process") {
      const held = facts.meetings
        .filter((m) => m.status === "held")
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      const intro = nl
        ? `Het traject liep van ${dateText(facts.startsOn, locale)} tot ${dateText(facts.endsOn, locale)}. Er ${held.length === 1 ? "is 1 bijeenkomst" : `zijn ${held.length} bijeenkomsten`} gehouden:`
        : `The trajectory ran from ${dateText(facts.startsOn, locale)} to ${dateText(facts.endsOn, locale)}. ${held.length} meeting${held.length === 1 ? " was" : "s were"} held:`;
      const lines = held.map(
        (m) => `- ${dateText(m.startsAt, locale)}: ${meetingType(facts.regime, m.type)?.label[locale] ?? m.type}`,
      );
      sections[section.key] = [intro, ...lines].join("\n");
    } else {
      sections[section.key] = section.draft?.[locale] ?? "";
    }
  }
  return sections;
}

import { readFileSync } from "node:fs";
import { builtinRegime } from "../../../domain/regimes/builtin.js";
import type { Locale } from "../../../domain/regimes/schema.js";
import type { MeetingFacts } from "../../../domain/trajectories/model.js";
import { draftReport, goalResult } from "../../../domain/trajectories/report.js";
import { meeting } from "../../../domain/trajectories/test-factories.js";
import { type BillingInput, billedHours } from "./render-billing.js";
import type { FinalReportInput } from "./render-final-report.js";

/**
 * Documents' inputs for tests and the benchmark, built the way the routes build them: from the
 * teacher regime, with the report drafted by the domain's own `draftReport`.
 */

const regime = builtinRegime("werkbegeleiding_leerkracht")!;

/** The demo organisation's PNG logo. */
export const demoLogo = () => readFileSync(new URL("../../demo/linde.png", import.meta.url));

export const organisation = (changes: Partial<FinalReportInput["organisation"]> = {}) => ({
  name: "Zorggroep De Linde",
  primaryColor: "#2b6e3f",
  logo: null,
  logoMime: null,
  ...changes,
});

const goalTitle = (n: number, locale: Locale) =>
  locale === "nl"
    ? `Doel ${n}: de leerkracht geeft gedifferentieerde instructie in groep ${n}`
    : `Goal ${n}: the teacher gives differentiated instruction in group ${n}`;

const successCriteria = (n: number, locale: Locale) => {
  const times = n % 4 === 0 ? (locale === "nl" ? "drie" : "three") : locale === "nl" ? "twee" : "two";
  return locale === "nl" ? `In ${times} opeenvolgende lessen zichtbaar.` : `Visible in ${times} lessons in a row.`;
};

export interface FinalReportOptions {
  goals?: number;
  visits?: number;
  locale?: Locale;
  final?: boolean;
  organisation?: Partial<FinalReportInput["organisation"]>;
}

export function finalReportInput(options: FinalReportOptions = {}): FinalReportInput {
  const { goals: goalCount = 15, visits = 5, locale = "nl", final = false } = options;
  const startsOn = "2026-02-02";
  const endsOn = "2026-06-26";
  const visitDates = Array.from(
    { length: visits },
    (_, i) => `2026-03-${String(2 + i * 5).padStart(2, "0")}T08:30:00.000Z`,
  );
  const meetings = [
    { type: "intake", startsAt: "2026-02-09T13:00:00.000Z", status: "held" },
    ...visitDates.map((startsAt) => ({ type: "classroom_visit", startsAt, status: "held" })),
  ];
  const goals = Array.from({ length: goalCount }, (_, i) => {
    const n = i + 1;
    const goal = {
      id: `goal-${n}`,
      position: n,
      title: goalTitle(n, locale),
      rationale: n % 3 === 0 ? ("wish" as const) : ("necessity" as const),
      successCriteria: successCriteria(n, locale),
    };
    const points = visitDates.map((date, v) => ({
      meetingId: `visit-${v}`,
      date,
      guide: Math.min(4, 1 + Math.floor((v + n) / 3)),
      self: v % 2 === 0 ? Math.min(4, 2 + Math.floor(v / 2)) : null,
    }));
    return { goal, points };
  });
  const sections = draftReport({ regime, goals, meetings, startsOn, endsOn }, locale);
  return {
    organisation: organisation(options.organisation),
    locale,
    trajectory: {
      title: "Werkbegeleiding Daan Bakker",
      regimeName: regime.name[locale],
      startsOn,
      endsOn,
      statusLabel: regime.statuses.find((s) => s.key === (final ? "completed" : "reporting"))!.label[locale],
    },
    participants: [
      { roleLabel: regime.participants[0]!.label[locale], name: "Daan Bakker" },
      { roleLabel: regime.participants[1]!.label[locale], name: "Sanne Visser" },
      { roleLabel: regime.participants[2]!.label[locale], name: "Fatima Yılmaz" },
    ],
    goals: goals.map(({ goal, points }) => {
      const result = goalResult(regime, points);
      return {
        ...goal,
        result: { ...result, lastLabel: result.lastLabel?.[locale] ?? null },
        points,
      };
    }),
    ratingKinds: ["guide", "self"],
    sections: regime.report.sections.map((section) => ({
      label: section.label[locale],
      text:
        sections[section.key] ||
        (locale === "nl"
          ? `${section.label[locale]}: besproken met de opdrachtgever.\nVervolg in het nieuwe schooljaar.`
          : `${section.label[locale]}: discussed with the commissioner.\nTo be continued next school year.`),
    })),
    meetings: meetings.map((m) => ({
      date: m.startsAt,
      typeLabel: regime.meetingTypes.find((t) => t.key === m.type)!.label[locale],
      durationMinutes: regime.meetingTypes.find((t) => t.key === m.type)!.defaultMinutes,
    })),
    finalisedAt: final ? "2026-06-24T14:05:00.000Z" : null,
    contentSha256: final ? "9f2b6c1e0d4a7b3c8e5f1a2d6c9b0e4f7a3d8c2b5e1f6a9d0c4b7e3a8f2d5c1b" : null,
  };
}

type BilledMeeting = Pick<
  MeetingFacts,
  "type" | "startsAt" | "durationMinutes" | "preparationMinutes" | "travelMinutes"
>;

export interface BillingOptions {
  locale?: Locale;
  /** Held meetings; each names only what matters to the test. */
  meetings?: Partial<BilledMeeting & { typeLabel: string }>[];
}

const DEFAULT_BILLED: NonNullable<BillingOptions["meetings"]> = [
  { type: "intake", startsAt: "2026-02-09T13:00:00.000Z", durationMinutes: 60, preparationMinutes: 15 },
  { startsAt: "2026-03-02T08:30:00.000Z", travelMinutes: 40, preparationMinutes: 20 },
  { startsAt: "2026-03-09T08:30:00.000Z", travelMinutes: 40 },
];

export function billingInput(options: BillingOptions = {}): BillingInput {
  const locale = options.locale ?? "nl";
  const held = (options.meetings ?? DEFAULT_BILLED).map((changes, i) => {
    const type = changes.type ?? "classroom_visit";
    return {
      ...meeting({ id: `meeting-${i}`, type, startsAt: "2026-03-02T08:30:00.000Z", ...changes }),
      typeLabel: changes.typeLabel ?? regime.meetingTypes.find((t) => t.key === type)?.label[locale] ?? type,
    };
  });
  return {
    organisation: organisation(),
    locale,
    trajectory: {
      title: "Werkbegeleiding Daan Bakker",
      statusLabel: regime.statuses.find((s) => s.key === "aborted")!.label[locale],
      statusReason: "Afgebroken wegens langdurige ziekte.",
      startsOn: "2026-02-02",
      endsOn: "2026-06-26",
    },
    ...billedHours(held, (m) => m.typeLabel),
  };
}

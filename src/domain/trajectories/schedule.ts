import type { Intensity } from "../regimes/schema.js";

const DAY = 24 * 60 * 60 * 1000;

const parse = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const format = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Proposes meeting dates from an intensity with tapering: for example every week 6 times, then
 * every 2 weeks 3 times. The first meeting is on `startsOn`; each phase continues from the last
 * date at its own interval. Dates after `endsOn` are left out, since the period is agreed.
 */
export function proposeSchedule(startsOn: string, intensity: Intensity, endsOn?: string): string[] {
  const dates: string[] = [];
  let next = parse(startsOn);
  const end = endsOn ? parse(endsOn) : Number.POSITIVE_INFINITY;
  let first = true;
  for (const phase of intensity.phases) {
    for (let i = 0; i < phase.times; i++) {
      if (!first) next += phase.everyWeeks * 7 * DAY;
      first = false;
      if (next > end) return dates;
      dates.push(format(next));
    }
  }
  return dates;
}

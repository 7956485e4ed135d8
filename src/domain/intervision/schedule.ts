const DAY = 24 * 60 * 60 * 1000;
const parse = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const format = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The next meeting dates from the group's rhythm: every `rhythmWeeks` weeks after the last
 * meeting (YYYY-MM-DD), skipping dates before `today`; without a meeting yet, from today on.
 */
export function proposedDates(lastMeeting: string | null, today: string, rhythmWeeks: number, count = 3): string[] {
  const step = Math.max(1, Math.floor(rhythmWeeks)) * 7 * DAY;
  const start = parse(today);
  let next = lastMeeting ? parse(lastMeeting) + step : start + step;
  while (next < start) next += step;
  const dates: string[] = [];
  for (let i = 0; i < count; i++) dates.push(format(next + i * step));
  return dates;
}

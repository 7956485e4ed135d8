/**
 * A trajectory's re-registration date: the earliest re-registration date of the trainee's
 * registrations (in the trajectory's organisation) on or after the day the trajectory starts;
 * null when there is none. Declarations due "before re-registration" are due on this day.
 */
export function reregistrationDate(
  registrations: readonly { reregistrationDate: string | null }[],
  startsOn: string,
): string | null {
  let earliest: string | null = null;
  for (const { reregistrationDate: date } of registrations)
    if (date && date >= startsOn && (earliest === null || date < earliest)) earliest = date;
  return earliest;
}

import { ApiError } from "../../api";

/**
 * The API names a field as its request does (`startsAt`); a form may split it in parts
 * (`date` and `time`). This gives the same problem with the form's names, so each message
 * lands at the field the user typed in.
 */
export function renameFields(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const errors = Object.fromEntries(
    Object.entries(error.problem.errors).map(([field, message]) => [names[field] ?? field, message]),
  );
  return new ApiError({ ...error.problem, errors });
}

import type { MessageKey } from "../messages.js";

export type FieldErrors = Record<string, string>;

/**
 * An error the user can act on, sent as application/problem+json. `detail` and the field
 * messages are message keys, translated into the requester's language when sent.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly fields: Partial<
      Record<string, MessageKey | { key: MessageKey; values: Record<string, string | number> }>
    > = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new HttpProblem(404, "problem.notFound");
export const forbidden = () => new HttpProblem(403, "problem.forbidden");
export const unauthorized = () => new HttpProblem(401, "problem.unauthorized");
export const conflict = (current?: unknown) =>
  new HttpProblem(409, "problem.conflict", {}, current === undefined ? {} : { current });
export const invalid = (fields: HttpProblem["fields"], code: MessageKey = "problem.invalid") =>
  new HttpProblem(422, code, fields);

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ZodError, type ZodType, z } from "zod";
import { type FieldErrors, HttpProblem } from "../http/problem.js";
import { isUniqueViolation } from "../http/unique.js";
import { type Locale, type MessageKey, pickLocale, t } from "../messages.js";

const zodLocales = { nl: z.locales.nl(), en: z.locales.en() } as const;

/**
 * Where the first text with a NUL character is, keys included. PostgreSQL text and jsonb cannot
 * hold one, so it is refused here, on its field, rather than failing in the database. Walks
 * without recursion: a body may nest arrays 100,000 deep.
 */
export function findNulCharacter(data: unknown): Array<string | number> | null {
  type Step = { value: unknown; key?: string | number; parent?: Step };
  const pathOf = (step: Step, last?: string): Array<string | number> => {
    const reversed: Array<string | number> = last === undefined ? [] : [last];
    for (let at: Step | undefined = step; at?.parent; at = at.parent) reversed.push(at.key as string | number);
    return reversed.reverse();
  };
  const stack: Step[] = [{ value: data }];
  while (stack.length) {
    const step = stack.pop() as Step;
    const { value } = step;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(step);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) stack.push({ value: value[index], key: index, parent: step });
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return pathOf(step, key);
        stack.push({ value: item, key, parent: step });
      }
    }
  }
  return null;
}

/** A ZodError made by parsing, as Zod's own errors are (one made with `new` is no Error to fastify). */
const nulCharacterError = (data: unknown, path: Array<string | number>) =>
  (
    z
      .unknown()
      .superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: "field.nulCharacter", path }))
      .safeParse(data) as { error: ZodError }
  ).error;

/** Validates with Zod and keeps the schema, so the error handler can explain in the user's language. */
export const validatorCompiler =
  ({ schema }: { schema: ZodType }) =>
  (data: unknown) => {
    const nul = findNulCharacter(data);
    if (nul) return { error: Object.assign(nulCharacterError(data, nul), { schema }) };
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: Object.assign(result.error, { schema }) };
  };

export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers["accept-language"], request.auth?.user.locale);
}

function isMessageKey(message: string): message is MessageKey {
  return /^(field|problem|auth)\.[A-Za-z.]+$/.test(message);
}

function fieldErrorsFromZod(error: ZodError & { schema?: ZodType }, data: unknown, locale: Locale): FieldErrors {
  const localised = error.schema?.safeParse(data, { error: zodLocales[locale].localeError });
  const issues = localised && !localised.success ? localised.error.issues : error.issues;
  const fields: FieldErrors = {};
  for (const issue of issues) {
    // A field the request may not set here (the account's own name on a membership, say) is
    // named at that field, never silently dropped.
    if (issue.code === "unrecognized_keys") {
      for (const unknown of issue.keys) fields[[...issue.path, unknown].join(".")] ??= t(locale, "field.notChangeable");
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_";
    if (fields[key]) continue;
    const bounds = issue as { minimum?: number | bigint; maximum?: number | bigint };
    const values = { min: Number(bounds.minimum ?? ""), max: Number(bounds.maximum ?? "") };
    fields[key] = isMessageKey(issue.message) ? t(locale, issue.message, values) : issue.message;
  }
  return fields;
}

export function sendProblem(
  reply: FastifyReply,
  locale: Locale,
  status: number,
  code: MessageKey,
  errors: FieldErrors = {},
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: `https://koers.app/problems/${code}`,
      title: t(locale, code),
      status,
      code,
      ...(Object.keys(errors).length ? { errors } : {}),
      ...extra,
    });
}

/**
 * Errors fastify answers before any route or hook runs: a path that does not decode (%ED%A0%80)
 * or a path parameter over the router's length limit. As problem+json, like every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400;
  return sendProblem(reply, requestLocale(request), status, "problem.badRequest", {}, { detail: error.code });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => sendProblem(reply, requestLocale(request), 404, "problem.notFound"));

  app.setErrorHandler((error: FastifyError | HttpProblem | ZodError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof HttpProblem) {
      const fields: FieldErrors = {};
      for (const [name, value] of Object.entries(error.fields)) {
        if (!value) continue;
        fields[name] = typeof value === "string" ? t(locale, value) : t(locale, value.key, value.values);
      }
      return sendProblem(reply, locale, error.status, error.code, fields, error.extra);
    }
    if (error instanceof ZodError) {
      const context = (error as unknown as { validationContext?: "body" | "querystring" | "params" | "headers" })
        .validationContext;
      const data =
        context === "body"
          ? request.body
          : context === "querystring"
            ? request.query
            : context === "params"
              ? request.params
              : request.headers;
      const status = context === "params" ? 404 : 422;
      if (status === 404) return sendProblem(reply, locale, 404, "problem.notFound");
      return sendProblem(reply, locale, status, "problem.invalid", fieldErrorsFromZod(error, data, locale));
    }
    // Two requests inserting the same unique row at once (a double click, two tabs): the database
    // decides, and the one that lost is told so plainly, never with a 500.
    if (isUniqueViolation(error)) return sendProblem(reply, locale, 409, "problem.duplicate");
    const status = error.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, locale, 429, "problem.rateLimited");
    if (status === 413 || error.code === "FST_REQ_FILE_TOO_LARGE")
      return sendProblem(reply, locale, 413, "problem.tooLarge");
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type and the like: say what fastify found, without echoing input.
      return sendProblem(reply, locale, status === 415 ? 415 : 400, "problem.badRequest", {}, { detail: error.code });
    }
    // Only the kind of error and where it happened: messages can carry personal data (a
    // database error quotes the duplicate e-mail address, for one).
    const frames = (error.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8);
    request.log.error({ err: { name: error.name, code: error.code, frames } }, "unhandled error");
    return sendProblem(reply, locale, 500, "problem.internal");
  });
}

import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "../domain/dates";
import { ApiError } from "./api";

/**
 * Where a server's field name lands in a form: the path itself when the form holds it
 * (`document.meetingTypes.2.max`), else the nearest enclosing path it holds (a list, a group),
 * else null. An entry of a list of plain values (`memberIds.3`) is no field of its own: the list's
 * one input (a multi-select) shows it. Forms whose values mirror the request body so get every
 * message at its place.
 */
export function formPathOf(values: unknown, name: string): string | null {
  const parts = name.split(".");
  let node = values;
  let found: string | null = null;
  for (const [index, key] of parts.entries()) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) break;
    const next = (node as Record<string, unknown>)[key];
    if (Array.isArray(node) && (next === null || typeof next !== "object")) break;
    node = next;
    found = parts.slice(0, index + 1).join(".");
  }
  return found;
}

/** What a failed save means for a form: a version conflict, or messages placed at its fields. */
export function showProblem<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  offline: string,
): { conflict: boolean; formError: string | null } {
  if (!(error instanceof ApiError)) return { conflict: false, formError: offline };
  // A version conflict offers the new version; a duplicate (the same thing saved twice at once) is
  // only told, as the form's message.
  if (error.status === 409 && error.problem.code !== "problem.duplicate") return { conflict: true, formError: null };
  const placed = new Map<string, string[]>();
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.fieldErrors)) {
    const path = formPathOf(form.values, name);
    if (path) placed.set(path, [...(placed.get(path) ?? []), message]);
    else other.push(message);
  }
  form.setErrors(Object.fromEntries([...placed].map(([path, messages]) => [path, messages.join(" ")])));
  const first = [...placed.keys()][0];
  if (first) form.getInputNode(first)?.focus();
  return { conflict: false, formError: other.length ? other.join(" ") : placed.size ? null : error.problem.title };
}

/**
 * Runs a submit of a form that creates something (no version to keep) and maps a problem+json
 * answer onto the form: field messages at their fields, the rest as a form-level message. The
 * user's input is never reset here. `pending` is true while it runs; `pendingKey` names which
 * of several actions of the form does (`run(action, key)`).
 */
export function useApiSubmit<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ action }: { action: () => Promise<unknown>; key?: string }) => action(),
    onMutate: () => setFormError(null),
    onError: (error) => setFormError(showProblem(form, error, t("errors.offline")).formError),
  });

  async function run(action: () => Promise<unknown>, key?: string): Promise<boolean> {
    try {
      await mutation.mutateAsync({ action, key });
      return true;
    } catch {
      return false;
    }
  }

  return {
    run,
    formError,
    pending: mutation.isPending,
    pendingKey: mutation.isPending ? mutation.variables?.key : undefined,
  };
}

/**
 * An action that is no form (a button: remove, confirm, schedule): its pending state and its
 * error as one message, the title of a problem or "no connection".
 */
export function useAction<Input = void, Output = unknown>(
  action: (input: Input) => Promise<Output>,
  { describe, offline }: { describe?: (error: ApiError) => string; offline?: string } = {},
) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onMutate: () => setError(null),
    onError: (e) =>
      setError(e instanceof ApiError ? (describe ? describe(e) : e.problem.title) : (offline ?? t("errors.offline"))),
  });
  return {
    /** Runs the action; true when it went through. */
    run: async (input: Input): Promise<boolean> => {
      try {
        await mutation.mutateAsync(input);
        return true;
      } catch {
        return false;
      }
    },
    pending: mutation.isPending,
    /** What the running action was started with, to mark the one button that is busy. */
    pendingInput: mutation.isPending ? mutation.variables : undefined,
    error,
    setError,
  };
}

type Issue = z.core.$ZodIssue;
type Schema = z.ZodType;

/** The part of a schema that checks the value at a path, through objects, lists, records and nullables. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const key of path) {
    node = unwrap(node);
    const def = node?._zod.def as {
      type?: string;
      shape?: Record<string, Schema>;
      element?: Schema;
      valueType?: Schema;
    };
    if (def?.type === "object") node = def.shape?.[String(key)];
    else if (def?.type === "array") node = def.element;
    else if (def?.type === "record") node = def.valueType;
    else return undefined;
  }
  return node && unwrap(node);
}

function unwrap(schema: Schema | undefined): Schema | undefined {
  let node = schema;
  while (node) {
    const def = node._zod.def as { type?: string; innerType?: Schema };
    if (!(def.type === "nullable" || def.type === "optional" || def.type === "default") || !def.innerType) return node;
    node = def.innerType;
  }
  return node;
}

/**
 * A form's message for a rule of a domain schema, in the user's language: a number out of its
 * schema's bounds asks for a whole number between them, an empty text for input, a long one says
 * how long it may be. A rule with a message key of its own (`field.maxBelowMin`) speaks for itself.
 */
export function useIssueText() {
  const { t } = useTranslation();
  return (issue: Issue, at: Schema | undefined): string => {
    const def = at?._zod.def as { type?: string } | undefined;
    if (def?.type === "number") {
      const bounds = at as unknown as { minValue: number | null; maxValue: number | null };
      return t("validation.wholeNumber", { min: bounds.minValue ?? 0, max: bounds.maxValue ?? 0 });
    }
    if (issue.code === "too_big" && issue.origin === "string") return t("validation.tooLong", { max: issue.maximum });
    if (issue.code === "too_small" || (issue.code === "invalid_type" && def?.type === "string"))
      return t("validation.required");
    if (issue.code === "invalid_format" && issue.format === "date") return t("validation.required");
    if (issue.code === "custom" && issue.message.startsWith("field."))
      return t(`validation.${issue.message.slice("field.".length)}`, {
        first: FIRST_YEAR,
        last: LAST_YEAR,
        defaultValue: t("validation.invalid"),
      });
    return t("validation.invalid");
  };
}

/**
 * The one resolver of the web's forms: a domain schema checks the values (as the request body the
 * form will send, `input`), so a rule exists once and the form says it before the server does.
 * The first message per field is shown at its path, placed as a server's message would be.
 */
export function schemaResolver<Values>(
  schema: Schema,
  message: (issue: Issue, at: Schema | undefined) => string,
  input: (values: Values) => unknown = (values) => values,
) {
  return (values: Values): Record<string, string> => {
    const result = schema.safeParse(input(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join(".");
      // As a server's message: at the field, or the nearest part of the form that holds it.
      const path = formPathOf(values, name) ?? name;
      errors[path] ??= message(issue, schemaAt(schema, issue.path));
    }
    return errors;
  };
}

/** Field messages the page shows somewhere else than at a field it draws, so none goes unseen. */
export function unplacedErrors(errors: Record<string, unknown>, placed: readonly RegExp[]): string[] {
  return Object.entries(errors)
    .filter(([path, message]) => typeof message === "string" && !placed.some((pattern) => pattern.test(path)))
    .map(([, message]) => message as string);
}

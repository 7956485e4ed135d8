import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
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

/**
 * Runs a submit and maps a problem+json answer onto the form: field messages at their fields,
 * the rest as a form-level message, a 409 version conflict as a conflict. The user's input is never reset here.
 */
export function useApiSubmit<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setFormError(null);
    setConflict(false);
    try {
      await action();
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        // A version conflict offers the new version; a duplicate (the same thing saved twice at
        // once) is only told, as the form's message.
        if (error.status === 409 && error.problem.code !== "problem.duplicate") {
          setConflict(true);
          return false;
        }
        const placed = new Map<string, string[]>();
        const other: string[] = [];
        for (const [name, message] of Object.entries(error.fieldErrors)) {
          const path = formPathOf(form.values, name);
          if (path) placed.set(path, [...(placed.get(path) ?? []), message]);
          else other.push(message);
        }
        form.setErrors(Object.fromEntries([...placed].map(([path, messages]) => [path, messages.join(" ")])));
        setFormError(other.length ? other.join(" ") : placed.size ? null : error.problem.title);
        const first = [...placed.keys()][0];
        if (first) form.getInputNode(first)?.focus();
      } else {
        setFormError(t("errors.offline"));
      }
      return false;
    }
  }

  return { run, formError, conflict, clearConflict: () => setConflict(false) };
}

/**
 * The two answers to a conflict (ConflictNotice's buttons) for a form that edits one record:
 * "load the new version" puts the server's values in the form; "keep my input" keeps what the
 * user typed and takes only the server's version, so the next save overwrites the newer record
 * on purpose instead of meeting the same conflict again.
 */
export function conflictChoices<Values extends Record<string, unknown>, Fresh>(
  form: UseFormReturnType<Values>,
  {
    reload,
    toForm,
    done,
  }: { reload: () => Promise<Fresh | undefined>; toForm: (fresh: Fresh) => Values; done: () => void },
) {
  return {
    onReload: async () => {
      const fresh = await reload();
      if (fresh) {
        form.setValues(toForm(fresh));
        form.resetDirty();
      }
      done();
    },
    onDismiss: async () => {
      const fresh = await reload();
      if (fresh) {
        const { version } = toForm(fresh) as { version?: unknown };
        if (version !== undefined && Object.hasOwn(form.values, "version"))
          form.setFieldValue("version" as never, version as never);
      }
      done();
    },
  };
}

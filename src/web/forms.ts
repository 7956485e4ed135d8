import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api";

/**
 * Runs a submit and maps a problem+json answer onto the form: field messages at their fields,
 * the rest as a form-level message, 409 as a conflict. The user's input is never reset here.
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
        if (error.status === 409) {
          setConflict(true);
          return false;
        }
        const fields = error.fieldErrors;
        const known = Object.keys(fields).filter((name) => name in form.values);
        form.setErrors(Object.fromEntries(known.map((name) => [name, fields[name]])));
        const other = Object.entries(fields).filter(([name]) => !known.includes(name));
        setFormError(other.length ? other.map(([, m]) => m).join(" ") : known.length ? null : error.problem.title);
        if (known[0]) form.getInputNode(known[0])?.focus();
      } else {
        setFormError(t("errors.offline"));
      }
      return false;
    }
  }

  return { run, formError, conflict, clearConflict: () => setConflict(false) };
}

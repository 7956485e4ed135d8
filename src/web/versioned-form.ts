import { type FormValidateInput, type UseFormReturnType, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { showProblem } from "./forms";
import { mergeReloaded } from "./shell/merge";

/** The two answers to a version conflict (ConflictNotice's buttons). */
export type ConflictAnswer = "reload" | "keep";

/** What the user last saw of the record: the row and the form values it gave. */
export interface Baseline<Row, Values> {
  row: Row;
  values: Values;
}

/** What the form shows besides its fields: a conflict to answer, or the new version it merged in. */
export interface VersionState<Values> {
  conflict: boolean;
  /** The new version was loaded on the user's request (after a conflict). */
  reloaded: boolean;
  /** The record was gone when it was reloaded. */
  gone: boolean;
  /** Fields both the user and the server changed: the user's input stays, the server's value is in `fresh`. */
  clashes: string[];
  fresh: Values | null;
}

export const calmState = <Values>(): VersionState<Values> => ({
  conflict: false,
  reloaded: false,
  gone: false,
  clashes: [],
  fresh: null,
});

/**
 * A newer row while the user edits (from the server, or loaded after a conflict): the baseline
 * becomes that row; untouched fields follow it, typed input stays, and fields both changed are
 * listed. With "keep", the user's input stays as it is: only the version moves on, so the next
 * save overwrites the newer row on purpose instead of meeting the same conflict again.
 */
export function followRow<Row, Values extends Record<string, unknown>>(
  answer: ConflictAnswer,
  current: Values,
  baseline: Baseline<Row, Values>,
  row: Row,
  toForm: (row: Row) => Values,
): { baseline: Baseline<Row, Values>; values: Values; clashes: string[] } {
  const fresh = toForm(row);
  const next = { row, values: fresh };
  if (answer === "keep") return { baseline: next, values: current, clashes: [] };
  const merged = mergeReloaded(current, baseline.values, fresh);
  return { baseline: next, values: merged.values, clashes: merged.clashes };
}

export interface VersionedFormOptions<Row, Values extends Record<string, unknown>, Intent> {
  /** The record as the page holds it now; a newer version of it is merged into the form. */
  row: Row;
  toForm: (row: Row) => Values;
  /** The version a save sends: the row's, or null when the record is new. */
  version: (row: Row) => number | null;
  /** Fetches the record as the server has it now (undefined when it is gone). */
  reload: () => Promise<Row | undefined>;
  /**
   * Sends the values with the version read; answers the saved row when the request does (the
   * form then starts from it), else nothing (the page's row brings the new version).
   */
  save: (
    values: Values,
    version: number | null,
    intent: Intent,
    form: UseFormReturnType<Values>,
  ) => Promise<Row | undefined | null> | Promise<void>;
  /** After a save went through: caches, notices, navigation. Its errors count as the save's. */
  onSaved?: (saved: Row | undefined, intent: Intent, values: Values) => unknown;
  validate?: FormValidateInput<Values>;
}

/**
 * The one way to edit a record that has a version. It owns the Mantine form, the baseline (the
 * row the user started from), the merge of a newer row, the conflict notice and its two answers,
 * and the version each save sends; the save runs as a react-query mutation, so `pending` is the
 * busy state. Render `<VersionNotices state={…} />` where the form shows its notices.
 */
export function useVersionedForm<Row, Values extends Record<string, unknown>, Intent = undefined>(
  options: VersionedFormOptions<Row, Values, Intent>,
) {
  const { t } = useTranslation();
  const { row, toForm, version } = options;
  const form = useForm<Values>({ initialValues: toForm(row), validate: options.validate });
  const baseline = useRef<Baseline<Row, Values>>({ row, values: toForm(row) });
  const [state, setState] = useState<VersionState<Values>>(calmState);
  const [formError, setFormError] = useState<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  // While a conflict waits for its answer, a newer row is not merged: the answer decides.
  const holding = useRef(false);

  function follow(answer: ConflictAnswer, next: Row, reloaded: boolean) {
    const result = followRow(answer, form.getValues(), baseline.current, next, latest.current.toForm);
    baseline.current = result.baseline;
    holding.current = false;
    form.setValues(result.values);
    setState({ ...calmState<Values>(), reloaded, clashes: result.clashes, fresh: result.baseline.values });
  }

  // A newer version from the page (another part of it saved, or it was refetched): merge it in.
  const rowVersion = version(row);
  // biome-ignore lint/correctness/useExhaustiveDependencies: merges when the server's version changes, not on every render
  useEffect(() => {
    if (holding.current || rowVersion === version(baseline.current.row)) return;
    follow("reload", row, false);
  }, [rowVersion]);

  const mutation = useMutation({
    mutationFn: async ({ values, intent }: { values: Values; intent: Intent }) => {
      const saved = ((await latest.current.save(values, version(baseline.current.row), intent, form)) ?? undefined) as
        | Row
        | undefined;
      if (saved !== undefined) {
        baseline.current = { row: saved, values: latest.current.toForm(saved) };
        form.setValues(baseline.current.values);
      }
      form.resetDirty();
      setState(calmState);
      await latest.current.onSaved?.(saved, intent, values);
      return saved;
    },
    onMutate: () => setFormError(null),
    onError: (error) => {
      const problem = showProblem(form, error, t("errors.offline"));
      setFormError(problem.formError);
      if (problem.conflict) {
        holding.current = true;
        setState({ ...calmState<Values>(), conflict: true });
      }
    },
  });

  async function answer(choice: ConflictAnswer) {
    const fresh = await latest.current.reload();
    if (fresh === undefined) {
      holding.current = false;
      setState({ ...calmState<Values>(), gone: true });
    } else follow(choice, fresh, choice === "reload");
  }

  /** Saves the values (validated by the caller); true when it went through. */
  async function save(values: Values, intent?: Intent): Promise<boolean> {
    try {
      await mutation.mutateAsync({ values, intent: intent as Intent });
      return true;
    } catch {
      return false;
    }
  }

  return {
    form,
    /** The form's submit handler: validates, then saves. */
    onSubmit: (intent?: Intent) => form.onSubmit((values) => save(values, intent)),
    save,
    pending: mutation.isPending,
    /** Which save is running, for a form with more than one (save, record as held). */
    pendingIntent: mutation.isPending ? mutation.variables?.intent : undefined,
    formError,
    /** For `<VersionNotices>`: what to show and the answers to a conflict. */
    notices: {
      state,
      formError,
      onReload: () => answer("reload"),
      onKeep: () => answer("keep"),
    },
  };
}

export type VersionNoticesProps<Values> = {
  state: VersionState<Values>;
  formError: string | null;
  onReload: () => void;
  onKeep: () => void;
};

import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ScanDetail } from "../../domain/competences/scan-api";
import { ApiError, api } from "../api";
import { showProblem } from "../forms";
import { formatDate } from "../i18n";
import { ConflictNotice } from "../shell/ConflictNotice";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { FriendsPanel } from "./FriendsPanel";
import { local } from "./model";
import { behaviourFieldId, behaviourKeysOf, CompetenceSection, ScaleLegend } from "./Rating";
import { scanKey, scansKey } from "./ScansPage";
import "./texts";

type Values = { ratings: Record<string, string>; examples: Record<string, string> };

const toForm = (scan: ScanDetail): Values => ({
  ratings: Object.fromEntries(
    behaviourKeysOf(scan.framework).map((key) => {
      const value = scan.ratings[key];
      return [key, typeof value === "number" ? String(value) : ""];
    }),
  ),
  examples: Object.fromEntries(scan.framework.competences.map((c) => [c.key, scan.examples[c.key] ?? ""])),
});

/** A werkbegeleider's own scan: rate per competence, saved as they go; friends; finish. */
export default function ScanPage() {
  const { scanId = "" } = useParams();
  const { t } = useTranslation("scans");
  const query = useQuery({ queryKey: scanKey(scanId), queryFn: () => api<ScanDetail>(`/scans/${scanId}`) });
  const back = <BackLink to="/zelfscan">{t("scan.back")}</BackLink>;
  if (query.isPending) return <Loading label={t("scan.loading")} />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("scan.title")} />;
  return <ScanEditor key={query.data.id} scan={query.data} back={back} />;
}

type SaveState = "saved" | "dirty" | "saving";

/**
 * Saving as one goes, the versioned way (decision 0016): each change is sent, with the version
 * last read, a moment after it is made; only what changed goes, and the server merges it in. A
 * 409 holds the changes and asks: load the new version (what the user did not touch follows it)
 * or keep my input (take only the new version); either way the user's changes are then saved.
 * Nothing typed is ever thrown away.
 */
function ScanEditor({ scan, back }: { scan: ScanDetail; back: React.ReactNode }) {
  const { t, i18n } = useTranslation("scans");
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: toForm(scan) });
  const version = useRef(scan.version);
  const dirty = useRef(new Set<string>());
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [conflict, setConflictState] = useState<ScanDetail | null>(null);
  const held = useRef(false);
  const setConflict = (current: ScanDetail | null) => {
    held.current = current !== null;
    setConflictState(current);
  };
  const [formError, setFormError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const open = scan.status === "open";

  async function saveNow(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      await inFlight.current;
      return saveNow();
    }
    if (!dirty.current.size || held.current) return;
    const paths = [...dirty.current];
    dirty.current.clear();
    const values = form.getValues();
    const ratings: Record<string, number | null> = {};
    const examples: Record<string, string> = {};
    for (const path of paths) {
      const [group, key = ""] = path.split(".");
      if (group === "ratings") ratings[key] = values.ratings[key] ? Number(values.ratings[key]) : null;
      else examples[key] = values.examples[key] ?? "";
    }
    setSaveState("saving");
    setFormError(null);
    const request = (async () => {
      try {
        const saved = await api<ScanDetail>(`/scans/${scan.id}`, {
          method: "PUT",
          body: { ratings, examples, version: version.current },
        });
        version.current = saved.version;
        for (const path of paths) form.clearFieldError(path);
        queryClient.setQueryData(scanKey(scan.id), saved);
      } catch (error) {
        // What was not saved stays in the form; it is sent again after a conflict is answered or
        // the connection is back. Refused input waits at its field until the user changes it.
        const refused = error instanceof ApiError && error.status !== 409;
        if (!refused) for (const path of paths) dirty.current.add(path);
        if (error instanceof ApiError && error.status === 409 && error.problem.current)
          setConflict(error.problem.current as ScanDetail);
        else setFormError(showProblem(form, error, tc("errors.offline")).formError);
      }
    })();
    inFlight.current = request;
    await request;
    inFlight.current = null;
    setSaveState(dirty.current.size ? "dirty" : "saved");
    if (dirty.current.size && !timer.current && !held.current) schedule(3000);
  }

  function schedule(ms: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), ms);
  }

  function change(path: string, value: string, ms: number) {
    form.setFieldValue(path as never, value as never);
    dirty.current.add(path);
    setSaveState("dirty");
    setMissing((list) => list.filter((k) => `ratings.${k}` !== path));
    schedule(ms);
  }

  // Leaving the page sends what is not saved yet; closing the tab first asks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the page's life
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current.size || inFlight.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (dirty.current.size) void saveNow();
    };
  }, []);

  function answerConflict(choice: "reload" | "keep") {
    if (!conflict) return;
    version.current = conflict.version;
    if (choice === "reload") {
      // What the user did not touch follows the new version; their own changes stay.
      const fresh = toForm(conflict);
      const values = form.getValues();
      const kept = (group: "ratings" | "examples") =>
        Object.fromEntries(
          Object.entries(fresh[group]).map(([key, value]) => [
            key,
            dirty.current.has(`${group}.${key}`) ? (values[group][key] ?? "") : value,
          ]),
        );
      form.setValues({ ratings: kept("ratings"), examples: kept("examples") });
      queryClient.setQueryData(scanKey(scan.id), conflict);
    }
    setConflict(null);
    schedule(0);
  }

  const finish = useMutation({
    mutationFn: async () => {
      await saveNow();
      return api<ScanDetail>(`/scans/${scan.id}/finish`, { method: "POST" });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (finished) => {
      queryClient.setQueryData(scanKey(scan.id), finished);
      await queryClient.invalidateQueries({ queryKey: scansKey, exact: true });
      notifySuccess(t("scan.finishedNotice"));
    },
    onError: (error) => {
      const problem = showProblem(form, error, tc("errors.offline"));
      setFormError(problem.formError);
      if (error instanceof ApiError && error.status === 422)
        setMissing(Object.keys(error.fieldErrors).map((path) => path.replace(/^ratings\./, "")));
    },
  });

  const keys = behaviourKeysOf(scan.framework);
  const values = form.getValues();
  const rated = keys.filter((k) => values.ratings[k]).length;
  const behaviourText = new Map(
    scan.framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => [b.key, b.text]))),
  );
  const total = scan.framework.competences.length;

  return (
    <Stack maw={960}>
      {back}
      <PageTitle>{t("scan.title")}</PageTitle>
      <Text>
        {t("scan.meta", {
          framework: local(scan.framework.name, lang),
          number: scan.framework.versionNumber,
          variant: local(scan.variant.name, lang),
        })}
      </Text>
      {open ? (
        <Text>{t("scan.intro")}</Text>
      ) : (
        <Alert color="blue" variant="light" role="status">
          <Stack gap={4}>
            <Text>{t("scan.finished", { date: formatDate(scan.finishedAt, lang) })}</Text>
            <Anchor component={Link} to={`/zelfscan/${scan.id}/resultaat`}>
              {t("scan.result")}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <ScaleLegend scale={scan.framework.scale} />
      {conflict && (
        <ConflictNotice onReload={() => answerConflict("reload")} onDismiss={() => answerConflict("keep")} />
      )}
      {scan.framework.competences.map((competence, index) => (
        <CompetenceSection
          key={competence.key}
          competence={competence}
          index={index}
          total={total}
          scale={scan.framework.scale}
          ratingOf={(key) => values.ratings[key] ?? ""}
          onChange={(key, value) => change(`ratings.${key}`, value, 250)}
          errorOf={(key) => form.errors[`ratings.${key}`]}
          disabled={!open}
          extra={
            open || values.examples[competence.key] ? (
              <Textarea
                label={t("scan.example")}
                description={t("scan.exampleHint")}
                autosize
                minRows={2}
                maxLength={4000}
                readOnly={!open}
                value={values.examples[competence.key] ?? ""}
                error={form.errors[`examples.${competence.key}`]}
                onChange={(event) => change(`examples.${competence.key}`, event.currentTarget.value, 800)}
                onBlur={() => void saveNow()}
              />
            ) : null
          }
        />
      ))}
      {open && (
        <Paper withBorder p="md" component="section" aria-labelledby="scan-finish">
          <Stack>
            <Text id="scan-finish" fw={600}>
              {t("scan.progress", { rated, total: keys.length })}
            </Text>
            <Text size="sm" role="status" aria-live="polite">
              {saveState === "saving" ? t("scan.saving") : saveState === "dirty" ? t("scan.unsaved") : t("scan.saved")}
            </Text>
            <FormError message={formError} />
            {missing.length > 0 && (
              <Alert color="red" variant="light">
                <Text>{t("scan.missing", { count: missing.length })}</Text>
                <List size="sm">
                  {missing.map((key) => (
                    <List.Item key={key}>
                      <Anchor href={`#${behaviourFieldId(key)}`}>{local(behaviourText.get(key), lang)}</Anchor>
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t("scan.finishHint")}
            </Text>
            <Group>
              <Button onClick={() => finish.mutate()} loading={finish.isPending}>
                {t("scan.finish")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <FriendsPanel scan={scan} />
    </Stack>
  );
}

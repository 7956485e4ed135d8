import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  emailsToCheck,
  type ImportColumn,
  type ImportError,
  type ImportRow,
  type ImportValidation,
  MAX_IMPORT_BATCH,
  MAX_IMPORT_CHECK,
  TEMPLATE_HEADERS,
  templateCsv,
  validateImportRows,
} from "../../domain/people/import";
import { ApiError, api } from "../api";
import { formatNumber } from "../i18n";
import { useSession } from "../session";
import { FormError } from "../shell/FormError";
import { type ListPager, ListTable } from "../shell/ListTable";
import { PageTitle } from "../shell/PageTitle";
import { parseCsvFile, slices } from "./import/parse";
import "./texts";

const ERRORS_PER_PAGE = 50;
const PREVIEW_ROWS = 10;

interface Checked {
  fileName: string;
  validation: ImportValidation;
  valid: Array<{ row: number; value: ImportRow }>;
  errors: ImportError[];
}

interface Run {
  total: number;
  done: number;
  created: number;
  nextBatch: number;
  skipped: ImportError[];
  failed: string | null;
  finished: boolean;
}

interface ImportAnswer {
  created: number;
  skipped: Array<{ index: number; code: ImportError["code"]; column: ImportColumn }>;
}

/** Brings the template's Dutch headers and an example row to the user's computer. */
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateCsv()}`)}`;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} id={id} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Admins import people from a CSV file: preview with errors per row, then the valid rows in batches. */
export default function ImportPage() {
  const { t, i18n } = useTranslation("people");
  const { t: tc } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const lang = i18n.language;
  const n = (value: number) => formatNumber(value, lang);

  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<{ kind: "reading"; rows: number } | { kind: "checking" } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [errorPage, setErrorPage] = useState(1);
  const [run, setRun] = useState<Run | null>(null);

  const problemText = (error: unknown) => (error instanceof ApiError ? error.problem.title : tc("errors.offline"));

  function reset() {
    setFile(null);
    setChecked(null);
    setRun(null);
    setLoadError(null);
    setErrorPage(1);
  }

  async function choose(chosen: File | null) {
    reset();
    setFile(chosen);
    if (!chosen) return;
    if (!/\.(csv|txt)$/i.test(chosen.name) && !chosen.type.includes("csv")) {
      setLoadError(t("import.file.notCsv"));
      return;
    }
    try {
      setBusy({ kind: "reading", rows: 0 });
      const { header, rows } = await parseCsvFile(chosen, (count) => setBusy({ kind: "reading", rows: count }));
      setBusy({ kind: "checking" });
      const members: string[] = [];
      for (const batch of slices(emailsToCheck(header, rows), MAX_IMPORT_CHECK)) {
        const answer = await api<{ members: string[] }>("/people/import/check", { body: { emails: batch } });
        members.push(...answer.members);
      }
      const validation = validateImportRows(header, rows, members);
      const valid = validation.results.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : []));
      const errors = validation.results.flatMap((r) => (r.ok ? [] : r.errors));
      setChecked({ fileName: chosen.name, validation, valid, errors });
    } catch (error) {
      setLoadError(error instanceof ApiError ? error.problem.title : t("import.file.unreadable"));
    } finally {
      setBusy(null);
    }
  }

  async function runImport(from: Run | null) {
    if (!checked) return;
    const batches = slices(checked.valid, MAX_IMPORT_BATCH);
    let state: Run = from
      ? { ...from, failed: null }
      : { total: checked.valid.length, done: 0, created: 0, nextBatch: 0, skipped: [], failed: null, finished: false };
    setRun(state);
    for (let b = state.nextBatch; b < batches.length; b++) {
      const batch = batches[b] ?? [];
      try {
        const answer = await api<ImportAnswer>("/people/import", { body: { rows: batch.map((r) => r.value) } });
        const skipped = answer.skipped.map((s) => ({
          row: batch[s.index]?.row ?? 0,
          column: s.column,
          code: s.code,
          params: {},
        }));
        state = {
          ...state,
          done: state.done + batch.length,
          created: state.created + answer.created,
          skipped: [...state.skipped, ...skipped],
          nextBatch: b + 1,
        };
        setRun(state);
      } catch (error) {
        setRun({ ...state, failed: problemText(error) });
        await queryClient.invalidateQueries({ queryKey: ["people"] });
        return;
      }
    }
    setRun({ ...state, finished: true });
    await queryClient.invalidateQueries({ queryKey: ["people"] });
  }

  const columnLabel = (column: ImportColumn) => checked?.validation.columns.header[column] ?? TEMPLATE_HEADERS[column];
  const message = (error: Pick<ImportError, "code" | "params">) => t(`import.codes.${error.code}`, error.params);

  const errorPages = Math.max(1, Math.ceil((checked?.errors.length ?? 0) / ERRORS_PER_PAGE));
  const pageErrors = useMemo(
    () => checked?.errors.slice((errorPage - 1) * ERRORS_PER_PAGE, errorPage * ERRORS_PER_PAGE) ?? [],
    [checked, errorPage],
  );
  const invalidRows = checked ? checked.validation.results.length - checked.valid.length : 0;
  const importing = run !== null && !run.finished && run.failed === null;
  const percent = run?.total ? Math.round((run.done / run.total) * 100) : 0;

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Anchor component={Link} to="/mensen" size="sm">
            {t("import.back")}
          </Anchor>
        }
      >
        {t("import.title")}
      </PageTitle>
      <Text>{t("import.intro")}</Text>

      <Section title={t("import.template.heading")}>
        <Text size="sm">{t("import.template.body")}</Text>
        <Group>
          <Button component="a" href={templateHref} download="koers-mensen-sjabloon.csv" variant="light">
            {t("import.template.download")}
          </Button>
        </Group>
      </Section>

      <Section title={t("import.file.heading")}>
        <FileInput
          label={t("import.file.label")}
          description={t("import.file.description")}
          placeholder={t("import.file.placeholder")}
          accept=".csv,text/csv"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          clearButtonProps={{ "aria-label": t("import.file.clear") }}
          // The placeholder stands in for the chosen file's name: it must be readable text.
          styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
          disabled={busy !== null || importing}
        />
        <div aria-live="polite">
          {busy && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">
                {busy.kind === "reading" ? t("import.file.reading", { rows: n(busy.rows) }) : t("import.file.checking")}
              </Text>
            </Group>
          )}
        </div>
        <FormError message={loadError} />
      </Section>

      {checked && checked.validation.fileErrors.length > 0 && (
        <Alert color="red" role="alert" title={t("import.fileErrors.heading")}>
          <List size="sm">
            {checked.validation.fileErrors.map((e) => (
              <List.Item key={`${e.code}-${e.column ?? ""}`}>{t(`import.fileErrors.${e.code}`, e.params)}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {checked && checked.validation.fileErrors.length === 0 && (
        <>
          <Section title={t("import.summary.heading")}>
            <Text size="sm">
              {t("import.summary.rows", {
                count: checked.validation.results.length,
                n: n(checked.validation.results.length),
                file: checked.fileName,
              })}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>
                <Text span fw={600}>
                  {t("import.summary.valid", { count: checked.valid.length, n: n(checked.valid.length) })}
                </Text>
              </List.Item>
              <List.Item>
                <Text span fw={600} c={invalidRows ? "red.9" : undefined}>
                  {t("import.summary.invalid", { count: invalidRows, n: n(invalidRows) })}
                </Text>
              </List.Item>
            </List>
            {checked.validation.columns.ignored.length > 0 && (
              <Text size="sm" c="dimmed">
                {t("import.summary.ignored", { columns: checked.validation.columns.ignored.join(", ") })}
              </Text>
            )}
          </Section>

          {checked.errors.length > 0 && (
            <Section title={t("import.errors.heading")}>
              <Text size="sm" c="dimmed">
                {t("import.errors.rowNote")}
              </Text>
              <ErrorTable
                caption={t("import.errors.caption", { page: errorPage, pages: errorPages })}
                errors={pageErrors}
                columnLabel={columnLabel}
                message={message}
                pager={{
                  page: errorPage,
                  pages: errorPages,
                  onChange: setErrorPage,
                  label: t("import.errors.pagination"),
                  compact: true,
                }}
              />
            </Section>
          )}

          {checked.valid.length > 0 && (
            <Section title={t("import.preview.heading")}>
              <ListTable
                rows={checked.valid.slice(0, PREVIEW_ROWS)}
                rowKey={({ row }) => row}
                caption={t("import.preview.caption", { count: Math.min(PREVIEW_ROWS, checked.valid.length) })}
                minWidth={640}
                columns={[
                  { key: "row", header: t("import.errors.row"), cell: ({ row }) => row },
                  { key: "name", header: t("import.preview.name"), cell: ({ value }) => value.name },
                  { key: "email", header: t("import.preview.email"), cell: ({ value }) => value.email },
                  {
                    key: "roles",
                    header: t("import.preview.roles"),
                    cell: ({ value }) => value.roles.map((r) => tc(`roles.${r}`)).join(", "),
                  },
                  { key: "jobTitle", header: t("import.preview.jobTitle"), cell: ({ value }) => value.jobTitle || "—" },
                  {
                    key: "registration",
                    header: t("import.preview.registration"),
                    cell: ({ value }) =>
                      value.registration ? `${value.registration.register} ${value.registration.number}` : "—",
                  },
                ]}
              />
            </Section>
          )}

          <Section title={run?.finished ? t("import.done.heading") : t("import.confirm.heading")}>
            {checked.valid.length === 0 ? (
              <Text size="sm">{t("import.confirm.nothing")}</Text>
            ) : (
              !run && (
                <Text size="sm">
                  {t("import.confirm.body", {
                    count: checked.valid.length,
                    n: n(checked.valid.length),
                    organisation: session.data?.organisation?.name ?? "",
                  })}
                </Text>
              )
            )}
            {run && (
              <>
                <Progress value={percent} aria-label={t("import.progress.label")} size="lg" animated={importing} />
                <Text size="sm" aria-live="polite" role="status">
                  {t("import.progress.text", { done: n(run.done), total: n(run.total) })}
                </Text>
              </>
            )}
            {run?.failed && (
              <FormError
                message={t("import.progress.failed", { done: n(run.done), total: n(run.total), reason: run.failed })}
              />
            )}
            {run?.finished && (
              <Stack gap="xs" role="status">
                <Text fw={600}>{t("import.done.created", { count: run.created, n: n(run.created) })}</Text>
                {run.skipped.length > 0 && (
                  <>
                    <Text size="sm">
                      {t("import.done.skipped", { count: run.skipped.length, n: n(run.skipped.length) })}
                    </Text>
                    <ErrorTable
                      caption={t("import.done.skippedCaption")}
                      errors={run.skipped.slice(0, ERRORS_PER_PAGE)}
                      columnLabel={columnLabel}
                      message={message}
                    />
                  </>
                )}
              </Stack>
            )}
            <Group>
              {!run && checked.valid.length > 0 && (
                <Button onClick={() => void runImport(null)}>{t("import.confirm.submit")}</Button>
              )}
              {run?.failed && <Button onClick={() => void runImport(run)}>{t("import.progress.resume")}</Button>}
              {run?.finished && (
                <Button component={Link} to="/mensen">
                  {t("import.done.toPeople")}
                </Button>
              )}
              {!importing && (
                <Button variant="default" onClick={reset}>
                  {run?.finished ? t("import.done.again") : t("import.confirm.other")}
                </Button>
              )}
            </Group>
          </Section>
        </>
      )}
    </Stack>
  );
}

function ErrorTable({
  caption,
  errors,
  columnLabel,
  message,
  pager,
}: {
  caption: string;
  errors: ImportError[];
  columnLabel: (column: ImportColumn) => string;
  message: (error: ImportError) => string;
  pager?: ListPager;
}) {
  const { t } = useTranslation("people");
  return (
    <ListTable
      rows={errors}
      rowKey={(error) => `${error.row}-${error.column}-${error.code}`}
      caption={caption}
      minWidth={280}
      compact
      columns={[
        { key: "row", header: t("import.errors.row"), width: 56, cell: (error) => error.row },
        { key: "column", header: t("import.errors.column"), cell: (error) => columnLabel(error.column) },
        { key: "problem", header: t("import.errors.problem"), cell: message },
      ]}
      pager={pager}
    />
  );
}

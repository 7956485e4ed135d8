import { Alert, Anchor, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeRetentionOf } from "../../domain/privacy/describe";
import { PERSONAL_DATA, type PersonalData, personalDataOf } from "../../domain/privacy/registry";
import { choosablePeriods } from "../../domain/privacy/retention";
import type { RetentionOverview } from "../../domain/privacy/retention-api";
import { api } from "../api";
import { useAction, useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

const QUERY_KEY = ["retention"];

type Kind = RetentionOverview["kinds"][number] & { entry: PersonalData };

/**
 * Retention (decision 0038): what the next nightly run would remove, per kind of data, before it
 * first acts; the admin turns it on (and off), and sees every run with its counts.
 */
export default function RetentionPeriodsPage() {
  const { t, i18n } = useTranslation("privacy");
  const locale = localeOf(i18n.language);
  const client = useQueryClient();
  const query = useQuery({ queryKey: QUERY_KEY, queryFn: () => api<RetentionOverview>("/retention") });
  const [confirming, setConfirming] = useState(false);
  const toggle = useAction(async (enabled: boolean) => {
    const overview = await api<RetentionOverview>("/retention", { method: "PUT", body: { enabled } });
    client.setQueryData(QUERY_KEY, overview);
    setConfirming(false);
  });

  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("clearing.title")} />;
  const overview = query.data;
  const kinds: Kind[] = overview.kinds.flatMap((kind) => {
    const entry = personalDataOf(kind.table);
    return entry ? [{ ...kind, entry }] : [];
  });
  const total = kinds.reduce((sum, kind) => sum + (kind.due ?? 0), 0);
  const whatOf = (table: string) => personalDataOf(table)?.what[locale] ?? table;
  // Only what goes with its account or membership has no count: every other kind the job applies.
  const next = (kind: Kind) =>
    kind.due !== null ? t("clearing.due", { count: kind.due }) : t("clearing.withMembership");

  return (
    <Stack maw={960}>
      <PageTitle>{t("clearing.title")}</PageTitle>
      <Text>{t("clearing.intro")}</Text>
      {overview.enabledAt ? (
        <Alert color="green" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text fw={700}>{t("clearing.onTitle")}</Text>
            <Text size="sm">
              {t("clearing.on", { date: formatDateTime(overview.enabledAt, i18n.language), count: total })}
            </Text>
            <Button variant="default" size="sm" loading={toggle.pending} onClick={() => toggle.run(false)}>
              {t("clearing.turnOff")}
            </Button>
            <FormError message={toggle.error} />
          </Stack>
        </Alert>
      ) : (
        <Alert variant="light">
          <Stack gap="xs" align="flex-start">
            <Text fw={700}>{t("clearing.offTitle")}</Text>
            <Text size="sm">{t("clearing.off", { count: total })}</Text>
            <Button size="sm" onClick={() => setConfirming(true)}>
              {t("clearing.turnOn")}
            </Button>
          </Stack>
        </Alert>
      )}

      <Title order={3} size="h4">
        {t("clearing.nextRun")}
      </Title>
      <ListTable
        rows={kinds}
        rowKey={(kind) => kind.table}
        label={t("clearing.nextRun")}
        minWidth={640}
        columns={[
          { key: "what", header: t("clearing.what"), cell: (kind) => kind.entry.what[locale], primary: true },
          {
            key: "period",
            header: t("retention"),
            cell: (kind) => describeRetentionOf(kind.entry, overview.periods)[locale],
          },
          { key: "next", header: t("clearing.next"), cell: next },
        ]}
        cards={{
          title: (kind) => kind.entry.what[locale],
          body: (kind) => (
            <Text size="sm">
              {describeRetentionOf(kind.entry, overview.periods)[locale]}
              {" · "}
              {next(kind)}
            </Text>
          ),
        }}
      />
      <PeriodsForm overview={overview} />
      <Text size="sm" c="dimmed">
        {t("clearing.system", { kinds: overview.system.map(whatOf).join("; ") })}
      </Text>
      <Anchor component={Link} to="/verwerkingsregister" size="sm">
        {t("clearing.register")}
      </Anchor>

      <Title order={3} size="h4">
        {t("clearing.runs")}
      </Title>
      {overview.runs.length === 0 ? (
        <Text size="sm">{t("clearing.noRuns")}</Text>
      ) : (
        <ListTable
          rows={overview.runs}
          rowKey={(run) => run.id}
          label={t("clearing.runs")}
          minWidth={480}
          columns={[
            {
              key: "when",
              header: t("clearing.when"),
              cell: (run) => <time dateTime={run.ranAt}>{formatDateTime(run.ranAt, i18n.language)}</time>,
              primary: true,
            },
            { key: "removed", header: t("clearing.removed"), cell: (run) => removedText(run.removed) },
          ]}
          cards={{
            title: (run) => formatDateTime(run.ranAt, i18n.language),
            body: (run) => <Text size="sm">{removedText(run.removed)}</Text>,
          }}
        />
      )}

      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("clearing.turnOn")}
        text={t("clearing.confirm", { count: total })}
        confirmLabel={t("clearing.turnOn")}
        busy={toggle.pending}
        danger
        onConfirm={() => toggle.run(true)}
      >
        <FormError message={toggle.error} />
      </ConfirmDialog>
    </Stack>
  );

  function removedText(removed: Record<string, number>) {
    const lines = Object.entries(removed).filter(([, n]) => n > 0);
    if (lines.length === 0) return t("clearing.nothingRemoved");
    return lines.map(([table, n]) => `${whatOf(table)}: ${n}`).join("; ");
  }
}

/** The organisation's own months for the kinds it may choose, each within its range; saved together. */
function PeriodsForm({ overview }: { overview: RetentionOverview }) {
  const { t, i18n } = useTranslation("privacy");
  const locale = localeOf(i18n.language);
  const client = useQueryClient();
  const choosable = choosablePeriods(PERSONAL_DATA);
  const form = useForm({
    initialValues: {
      periods: Object.fromEntries(choosable.map((c) => [c.table, overview.periods[c.table] ?? c.months])) as Record<
        string,
        number | string
      >,
    },
  });
  const { run, formError, pending } = useApiSubmit(form);
  const whatOf = (table: string) => personalDataOf(table)?.what[locale] ?? table;
  const submit = form.onSubmit((values) =>
    run(async () => {
      const periods = Object.fromEntries(
        Object.entries(values.periods).map(([table, months]) => [table, Number(months)]),
      );
      const saved = await api<RetentionOverview>("/retention/periods", { method: "PUT", body: { periods } });
      client.setQueryData(QUERY_KEY, saved);
      client.setQueryData(["retention", "periods"], { periods: saved.periods });
      form.resetDirty();
      notifySuccess(t("clearing.periodsSaved"));
    }),
  );
  return (
    <Stack component="section" aria-labelledby="own-periods-heading" gap="sm">
      <Title order={3} size="h4" id="own-periods-heading">
        {t("clearing.ownPeriods")}
      </Title>
      <Text size="sm">{t("clearing.ownPeriodsIntro")}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {choosable.map((c) => (
              <NumberInput
                key={c.table}
                label={`${whatOf(c.table)} (${t("clearing.months")})`}
                description={t("clearing.range", { min: c.range.min, max: c.range.max, months: c.months })}
                min={c.range.min}
                max={c.range.max}
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps(`periods.${c.table}`)}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={pending}>
              {t("clearing.savePeriods")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

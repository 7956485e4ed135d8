import { Alert, Badge, Button, Card, Code, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Regime } from "../../domain/regimes/schema";
import { ApiError, api } from "../api";
import { conflictChoices, useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { ConflictNotice } from "../shell/ConflictNotice";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { trajectoryPath } from "../trajectories/format";
import { trajectoryKeys, useTrajectory } from "../trajectories/model";
import { type ReportFormValues, type ReportView, reportApi, reportKeys, reportPdfUrl, reportToForm } from "./model";

/**
 * The final report of a trajectory: drafted by the server from the data, edited by the guide
 * section by section, then made final, after which it is fixed and carries a SHA-256.
 */
export default function ReportPage() {
  const { t } = useTranslation("reports");
  const { t: tc } = useTranslation();
  const trajectoryId = useParams().trajectoryId ?? "";
  const trajectory = useTrajectory(trajectoryId);
  const report = useQuery({
    queryKey: reportKeys.report(trajectoryId),
    queryFn: () => api<ReportView>(reportApi(trajectoryId)),
    enabled: trajectory.isSuccess,
  });

  const title = trajectory.data?.title;
  const back = (
    <BackLink to={trajectoryPath(trajectoryId, "report")}>{title ? t("back", { title }) : t("backFallback")}</BackLink>
  );
  if (trajectory.isPending || (trajectory.isSuccess && report.isPending)) return <Loading />;
  const error = trajectory.error ?? report.error;
  if (error || !trajectory.data || !report.data) {
    const notAvailable = error instanceof ApiError && error.problem.code === "report.notAvailable";
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Stack>
        {back}
        <PageTitle>{title ? t("title", { title }) : t("titleFallback")}</PageTitle>
        <Alert color="gray" role="status">
          {notAvailable ? t("notAvailable") : missing ? t("notFound") : tc("errors.generic")}
        </Alert>
      </Stack>
    );
  }

  const view = report.data;
  const regime = trajectory.data.regime;
  return (
    <Stack gap="md" maw={960}>
      {back}
      <PageTitle
        actions={
          <Button component="a" href={reportPdfUrl(trajectoryId)} download variant="light">
            {t("pdf")}
          </Button>
        }
      >
        {t("title", { title: trajectory.data.title })}
      </PageTitle>
      <Group gap="xs" mt={-8}>
        <Badge variant="light" color={view.status === "final" ? "green.9" : undefined}>
          {t(`status.${view.status}`)}
        </Badge>
      </Group>
      {view.canEdit ? (
        <ReportForm
          trajectoryId={trajectoryId}
          regime={regime}
          report={view}
          onReload={async () => (await report.refetch()).data}
        />
      ) : (
        <ReportText regime={regime} report={view} />
      )}
    </Stack>
  );
}

function ReportForm({
  trajectoryId,
  regime,
  report,
  onReload,
}: {
  trajectoryId: string;
  regime: Regime;
  report: ReportView;
  onReload: () => Promise<ReportView | undefined>;
}) {
  const { t } = useTranslation("reports");
  const { text } = useRegimeText();
  const queryClient = useQueryClient();
  const form = useForm<ReportFormValues>({ initialValues: reportToForm(regime, report) });
  const { run, formError, conflict, clearConflict } = useApiSubmit(form);
  const [busy, setBusy] = useState<"save" | "finalise" | null>(null);
  const [confirming, confirm] = useDisclosure(false);

  const store = async (saved: ReportView) => {
    queryClient.setQueryData(reportKeys.report(trajectoryId), saved);
    await queryClient.invalidateQueries({ queryKey: trajectoryKeys.detail(trajectoryId) });
  };

  async function saveSections(): Promise<ReportView> {
    const saved = await api<ReportView>(reportApi(trajectoryId), {
      method: "PUT",
      body: { version: report.version, sections: form.getValues().sections },
    });
    await store(saved);
    form.setValues(reportToForm(regime, saved));
    form.resetDirty();
    return saved;
  }

  async function save() {
    setBusy("save");
    await run(async () => {
      await saveSections();
      notifySuccess(t("saved"));
    });
    setBusy(null);
  }

  async function finalise() {
    setBusy("finalise");
    await run(async () => {
      // The draft generated from the data is stored only when saved: store what the writer sees,
      // so the final report is exactly that text.
      const latest = form.isDirty() || report.version === 1 ? await saveSections() : report;
      const final = await api<ReportView>(`${reportApi(trajectoryId)}/finalise`, { body: { version: latest.version } });
      await store(final);
      notifySuccess(t("finalised"));
    });
    setBusy(null);
    confirm.close();
  }

  return (
    <form noValidate onSubmit={form.onSubmit(() => save())}>
      <Stack gap="md">
        <Text>{t("intro")}</Text>
        <Card withBorder>
          <Stack gap="lg">
            {regime.report.sections.map((section) => (
              <Textarea
                key={section.key}
                label={text(section.label)}
                description={section.source === "text" ? undefined : t("drafted")}
                autosize
                minRows={5}
                maxRows={30}
                maxLength={50_000}
                {...form.getInputProps(`sections.${section.key}`)}
              />
            ))}
          </Stack>
        </Card>
        {conflict && (
          <ConflictNotice
            {...conflictChoices(form, {
              reload: onReload,
              toForm: (fresh) => reportToForm(regime, fresh),
              done: clearConflict,
            })}
          />
        )}
        <FormError message={formError} />
        <Group gap="sm">
          <Button type="submit" variant="default" loading={busy === "save"} disabled={busy !== null}>
            {t("save")}
          </Button>
          <Button onClick={confirm.open} disabled={busy !== null}>
            {t("finalise")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={confirm.close}
        title={t("confirmTitle")}
        text={t("confirmText")}
        confirmLabel={t("finalise")}
        onConfirm={finalise}
        busy={busy === "finalise"}
      />
    </form>
  );
}

/** The report to read: final with its date and checksum, or a draft the guide is still writing. */
function ReportText({ regime, report }: { regime: Regime; report: ReportView }) {
  const { t, i18n } = useTranslation("reports");
  const { text } = useRegimeText();
  return (
    <Stack gap="md">
      {report.status === "final" ? (
        <Alert color="green" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
          <Stack gap="xs">
            <Text size="sm">{t("finalText", { date: formatDateTime(report.finalisedAt, i18n.language) })}</Text>
            {report.contentSha256 && (
              <div>
                <Text size="sm" fw={600}>
                  {t("checksum")}
                </Text>
                <Code block style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="report-sha256">
                  {report.contentSha256}
                </Code>
                <Text size="xs" mt={4}>
                  {t("checksumHint")}
                </Text>
              </div>
            )}
          </Stack>
        </Alert>
      ) : (
        <Text c="dimmed">{t("draftReadOnly")}</Text>
      )}
      {regime.report.sections.map((section) => (
        <Section key={section.key} id={`report-${section.key}`} title={text(section.label)}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{report.sections[section.key]?.trim() || t("empty")}</Text>
        </Section>
      ))}
    </Stack>
  );
}

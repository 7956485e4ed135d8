import { Alert, Badge, Button, Card, Code, Group, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Regime } from "../../domain/regimes/schema";
import { ApiError, api } from "../api";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { ConfirmDialog } from "../shell/Dialog";
import { notifySuccess } from "../shell/notify";
import { BackLink, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { trajectoryPath } from "../trajectories/format";
import { trajectoryKeys, useTrajectory } from "../trajectories/model";
import { useVersionedForm } from "../versioned-form";
import { type ReportFormValues, type ReportView, reportApi, reportKeys, reportPdfUrl, reportToForm } from "./model";
import "./texts";

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
  const [confirming, confirm] = useDisclosure(false);
  // Finalising stores what the writer sees first, unless that is already stored.
  const stored = useRef(false);

  const store = async (saved: ReportView) => {
    queryClient.setQueryData(reportKeys.report(trajectoryId), saved);
    await queryClient.invalidateQueries({ queryKey: trajectoryKeys.detail(trajectoryId) });
  };

  const { form, onSubmit, save, pendingIntent, notices } = useVersionedForm({
    row: report,
    toForm: (row) => reportToForm(regime, row),
    version: (row) => row.version,
    reload: onReload,
    save: async (values: ReportFormValues, version, intent: "save" | "finalise") => {
      // The draft generated from the data is stored only when saved: store what the writer sees,
      // so the final report is exactly that text.
      let latest = report;
      if (intent === "save" || !stored.current || version === 1) {
        latest = await api<ReportView>(reportApi(trajectoryId), {
          method: "PUT",
          body: { version, sections: values.sections },
        });
        await store(latest);
      }
      if (intent === "save") return latest;
      const final = await api<ReportView>(`${reportApi(trajectoryId)}/finalise`, { body: { version: latest.version } });
      await store(final);
      return final;
    },
    onSaved: (_, intent) => notifySuccess(t(intent === "finalise" ? "finalised" : "saved")),
  });
  const busy = pendingIntent ?? null;

  async function finalise() {
    stored.current = !form.isDirty();
    await save(form.getValues(), "finalise");
    confirm.close();
  }

  return (
    <form noValidate onSubmit={onSubmit("save")}>
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
        <VersionNotices {...notices} />
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

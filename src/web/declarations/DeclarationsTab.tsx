import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDate, formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { Loading } from "../shell/PageStates";
import { VersionNotices } from "../shell/VersionNotices";
import { localDay } from "../trajectories/format";
import { trajectoryKeys } from "../trajectories/model";
import { useVersionedForm } from "../versioned-form";
import { DeclarationBadges } from "./components";
import {
  type DeclarationList,
  type DeclarationView,
  declarationKeys,
  declarationPath,
  declarationPdf,
  documentUrl,
  useDeclarations,
  useStartNewVersion,
} from "./model";
import "./texts";

/** The trajectory's declarations: where each stands, the deviation text, a new version, and the motivated request. */
/** The words for a due date, by what sets it. */
const DUE_TEXT = { start: "dueByStart", end: "dueByEnd", reregistration: "dueBy" } as const;
const LATE_TEXT = { start: "lateNoticeStart", end: "lateNoticeEnd", reregistration: "lateNotice" } as const;

export function DeclarationsTab({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation("declarations");
  const query = useDeclarations(trajectoryId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  const { items, motivation } = query.data;
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t("title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("intro")}
      </Text>
      {(motivation.required || motivation.documents.length > 0) && (
        <MotivationCard trajectoryId={trajectoryId} motivation={motivation} />
      )}
      {items.length === 0 && <Text size="sm">{t("empty")}</Text>}
      {items.map((declaration) => (
        <DeclarationCard key={declaration.id} declaration={declaration} />
      ))}
    </Stack>
  );
}

function DeclarationCard({ declaration }: { declaration: DeclarationView }) {
  const { t, i18n } = useTranslation("declarations");
  const lang = i18n.language;
  const _client = useQueryClient();
  const _navigate = useNavigate();
  const headingId = `declaration-${declaration.id}`;
  const start = useStartNewVersion(declaration);

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={4} size="h5" id={headingId}>
            {declaration.title}
          </Title>
          <DeclarationBadges declaration={declaration} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            declaration.form ? t("form", { form: declaration.form }) : null,
            t("version", { number: declaration.number }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        {declaration.dueDate && !declaration.fullySigned && !declaration.overdue && (
          <Text size="sm">
            {t(DUE_TEXT[declaration.dueReason ?? "reregistration"], {
              date: formatDate(localDay(declaration.dueDate), lang),
            })}
          </Text>
        )}
        {declaration.overdue && declaration.dueDate && (
          <Alert color="red" variant="light" role="status">
            {t(LATE_TEXT[declaration.dueReason ?? "reregistration"], {
              date: formatDate(localDay(declaration.dueDate), lang),
            })}
          </Alert>
        )}
        {declaration.changedSinceSigning && (
          <Alert color="orange" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
            <Stack gap="xs">
              <Text size="sm">{t("changedNotice")}</Text>
              {declaration.abilities.newVersion && (
                <Group>
                  <Button size="xs" onClick={() => start.run()} loading={start.pending}>
                    {t("newVersion")}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <FormError message={start.error} />
        {declaration.abilities.editDeviation && <DeviationForm declaration={declaration} />}
        <Group gap="sm">
          <Button component={Link} to={declarationPath(declaration.trajectoryId, declaration.id)} size="sm">
            {declaration.signableSlots.length > 0 ? t("open") : t("view")}
          </Button>
          <Button component="a" href={declarationPdf(declaration.id)} download variant="light" size="sm">
            {t("page.pdf")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DeviationForm({ declaration }: { declaration: DeclarationView }) {
  const { t } = useTranslation("declarations");
  const client = useQueryClient();
  const list = declarationKeys.list(declaration.trajectoryId);
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: declaration,
    toForm: (row) => ({ deviation: row.deviation ?? "" }),
    version: (row) => row.version,
    reload: async () => {
      await client.invalidateQueries({ queryKey: list });
      return client.getQueryData<DeclarationList>(list)?.items.find((d) => d.id === declaration.id);
    },
    save: async (values, version) => {
      await api(`/declarations/${encodeURIComponent(declaration.id)}/deviation`, {
        method: "PUT",
        body: { version, deviation: values.deviation.trim() || null },
      });
      await client.invalidateQueries({ queryKey: list });
    },
    onSaved: () => notifySuccess(t("deviation.saved")),
  });

  return (
    <form onSubmit={onSubmit()} noValidate>
      <Stack gap="xs">
        <VersionNotices {...notices} />
        <Textarea
          label={t("deviation.label")}
          description={t("deviation.description")}
          autosize
          minRows={3}
          maxLength={10_000}
          {...form.getInputProps("deviation")}
        />
        <Group>
          <Button type="submit" variant="light" size="sm" loading={pending}>
            {t("deviation.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MotivationCard({
  trajectoryId,
  motivation,
}: {
  trajectoryId: string;
  motivation: DeclarationList["motivation"];
}) {
  const { t, i18n } = useTranslation("declarations");
  const lang = i18n.language;
  const client = useQueryClient();
  const form = useForm<{ file: File | null }>({ initialValues: { file: null } });
  const { run, formError } = useApiSubmit(form);

  const submit = form.onSubmit((values) =>
    run(async () => {
      if (!values.file) {
        form.setFieldError("file", t("motivation.chooseFile"));
        return;
      }
      const data = new FormData();
      data.append("file", values.file);
      await api(`/trajectories/${encodeURIComponent(trajectoryId)}/documents`, { form: data });
      await client.invalidateQueries({ queryKey: declarationKeys.list(trajectoryId) });
      await client.invalidateQueries({ queryKey: trajectoryKeys.detail(trajectoryId) });
      form.reset();
      notifySuccess(t("motivation.uploaded"));
    }),
  );

  return (
    <Card withBorder component="section" aria-labelledby="motivation-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="motivation-title">
          {t("motivation.title")}
        </Title>
        {motivation.required && <Text size="sm">{t("motivation.required")}</Text>}
        {motivation.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("motivation.missing")}
          </Text>
        ) : (
          <List size="sm">
            {motivation.documents.map((d) => (
              <List.Item key={d.id}>
                <Anchor href={documentUrl(trajectoryId, d.id)} download>
                  {t("motivation.line", {
                    file: d.fileName,
                    name: d.uploadedBy,
                    date: formatDateTime(d.uploadedAt, lang),
                  })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        {motivation.canUpload && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <FormError message={formError} />
              <FileInput
                label={t("motivation.file")}
                placeholder={t("motivation.placeholder")}
                accept="application/pdf"
                {...form.getInputProps("file")}
                styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
              />
              <Group>
                <Button type="submit" size="sm" variant="light" loading={form.submitting}>
                  {t("motivation.upload")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

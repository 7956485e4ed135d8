import { Button, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QualificationList, QualificationView } from "../../domain/qualifications/api";
import { formatCoreTasks } from "../../domain/qualifications/parse";
import { api } from "../api";
import { useAction, useApiSubmit } from "../forms";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { qualificationsKey, useQualifications } from "./model";
import "./texts";

/** The praktijkopleider keeps the organisation's qualifications: pasted from the qualification file, changed, deleted. */
export default function QualificationsPage() {
  const { t } = useTranslation("qualifications");
  const query = useQualifications();
  const [editing, setEditing] = useState<string | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("title")} />;
  const { items } = query.data;
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      {items.length === 0 && <Text c="dimmed">{t("none")}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((q) =>
          editing === q.id ? (
            <li key={q.id}>
              <QualificationForm qualification={q} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <QualificationCard key={q.id} qualification={q} onEdit={() => setEditing(q.id)} />
          ),
        )}
      </Stack>
      {editing === null && <QualificationForm qualification={null} onDone={() => undefined} />}
    </Stack>
  );
}

function QualificationCard({ qualification: q, onEdit }: { qualification: QualificationView; onEdit: () => void }) {
  const { t } = useTranslation("qualifications");
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const remove = useAction(async () => {
    const left = await api<QualificationList>(`/qualifications/${q.id}`, { method: "DELETE" });
    close();
    queryClient.setQueryData(qualificationsKey, left);
    notifySuccess(t("removed", { name: q.name }));
  });
  const processes = q.tasks.reduce((n, task) => n + task.workProcesses.length, 0);
  return (
    <Paper component="li" withBorder p="md" aria-label={q.name}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {q.name}
        </Title>
        <Text size="sm" c="dimmed">
          {[
            q.code ? t("code", { code: q.code }) : null,
            t("tasks", { count: q.tasks.length }),
            t("processes", { count: processes }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <List size="sm" spacing={4}>
          {q.tasks.map((task) => (
            <List.Item key={task.code}>
              <Text size="sm" fw={600} span>
                {task.code} {task.title}
              </Text>
              <List size="sm" withPadding>
                {task.workProcesses.map((w) => (
                  <List.Item key={w.code}>
                    {w.code} {w.title}
                  </List.Item>
                ))}
              </List>
            </List.Item>
          ))}
        </List>
        <Group gap="xs">
          <Button size="xs" variant="light" aria-label={t("editFor", { name: q.name })} onClick={onEdit}>
            {t("edit")}
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            aria-label={t("removeFor", { name: q.name })}
            onClick={open}
          >
            {t("remove")}
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirming}
          onClose={close}
          title={t("removeFor", { name: q.name })}
          text={t("removeText")}
          confirmLabel={t("remove")}
          onConfirm={() => remove.run()}
          busy={remove.pending}
          danger
        >
          <FormError message={remove.error} />
        </ConfirmDialog>
      </Stack>
    </Paper>
  );
}

/** A new qualification, or a change of one: what is typed stays when the server points at a wrong line. */
function QualificationForm({ qualification, onDone }: { qualification: QualificationView | null; onDone: () => void }) {
  const { t } = useTranslation("qualifications");
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: qualification?.name ?? "",
      code: qualification?.code ?? "",
      text: qualification ? formatCoreTasks(qualification.tasks) : "",
    },
    validate: { name: (v) => (v.trim() ? null : t("form.name")) },
  });
  const { run, formError } = useApiSubmit(form);
  const headingId = qualification ? `qualification-${qualification.id}` : "qualification-new";

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const body = { name: values.name, code: values.code.trim() || null, text: values.text };
          const done = await run(async () => {
            queryClient.setQueryData(
              qualificationsKey,
              await api<QualificationList>(qualification ? `/qualifications/${qualification.id}` : "/qualifications", {
                method: qualification ? "PUT" : "POST",
                body: qualification ? { ...body, version: qualification.version } : body,
              }),
            );
            notifySuccess(t("form.saved", { name: values.name }));
          });
          if (done) {
            if (!qualification) form.reset();
            onDone();
          }
        })}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {qualification ? t("form.editHeading", { name: qualification.name }) : t("form.newHeading")}
          </Title>
          <TextInput label={t("form.name")} required maxLength={200} {...form.getInputProps("name")} />
          <TextInput
            label={t("form.code")}
            description={t("form.codeHint")}
            maxLength={20}
            {...form.getInputProps("code")}
          />
          <Textarea
            label={t("form.text")}
            description={t("form.textHint")}
            required
            autosize
            minRows={6}
            maxLength={50_000}
            {...form.getInputProps("text")}
          />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("form.save")}
            </Button>
            {qualification && (
              <Button variant="default" onClick={onDone}>
                {t("cancel")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

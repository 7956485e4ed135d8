import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ScanDetail, ScanList } from "../../domain/competences/scan-api";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { local } from "./model";
import "./texts";

export const scansKey = ["scans"] as const;
export const scanKey = (id: string) => ["scans", id] as const;

/** A werkbegeleider's self-scans: start one, continue the open one, the history of finished ones. */
export default function ScansPage() {
  const { t, i18n } = useTranslation("scans");
  const query = useQuery({ queryKey: scansKey, queryFn: () => api<ScanList>("/scans") });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("list.title")} />;
  const { open, history, startable } = query.data;
  const lang = i18n.language;
  return (
    <Stack maw={960}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      {open ? (
        <Paper withBorder p="md" component="section" aria-labelledby="open-scan">
          <Title order={2} size="h3" id="open-scan">
            {t("list.open")}
          </Title>
          <Text>
            {local(open.frameworkName, lang)} · {local(open.variant.name, lang)}
          </Text>
          <Text size="sm" c="dimmed">
            {t("list.openProgress", {
              rated: open.rated,
              total: open.total,
              answered: open.friendsAnswered,
              asked: open.friendsAsked,
            })}
          </Text>
          <Group mt="sm">
            <Button component={Link} to={`/zelfscan/${open.id}`}>
              {t("list.continue")}
            </Button>
          </Group>
        </Paper>
      ) : (
        <StartScan startable={startable} />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="scan-history">
        <Title order={2} size="h3" id="scan-history" mb="sm">
          {t("list.history")}
        </Title>
        {history.length === 0 ? (
          <Text c="dimmed">{t("list.noHistory")}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {history.map((scan) => {
              const date = formatDate(scan.finishedAt, lang);
              return (
                <Paper component="li" key={scan.id} withBorder p="sm">
                  <Text fw={600}>{t("list.finishedOn", { date })}</Text>
                  <Text size="sm">
                    {local(scan.frameworkName, lang)} · {local(scan.variant.name, lang)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("list.friendsAnswered", { answered: scan.friendsAnswered, asked: scan.friendsAsked })}
                  </Text>
                  <Group gap="md" mt={4}>
                    <Anchor
                      component={Link}
                      to={`/zelfscan/${scan.id}/resultaat`}
                      aria-label={t("list.resultOf", { date })}
                    >
                      {t("list.result")}
                    </Anchor>
                    <Anchor component={Link} to={`/zelfscan/${scan.id}`} aria-label={t("list.details", { date })}>
                      {t("scan.title")}
                    </Anchor>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function StartScan({ startable }: { startable: ScanList["startable"] }) {
  const { t, i18n } = useTranslation("scans");
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const first = startable[0];
  const form = useForm({
    initialValues: { frameworkId: first?.frameworkId ?? "", variant: first?.variants[0]?.key ?? "" },
  });
  const { run, formError, pending } = useApiSubmit(form);
  const chosen = startable.find((f) => f.frameworkId === form.values.frameworkId);
  if (!first)
    return (
      <Alert color="gray" role="status">
        {t("list.noFrameworks")}
      </Alert>
    );
  const submit = form.onSubmit((values) =>
    run(async () => {
      const scan = await api<ScanDetail>("/scans", { body: values });
      queryClient.setQueryData(scanKey(scan.id), scan);
      await queryClient.invalidateQueries({ queryKey: scansKey, exact: true });
      navigate(`/zelfscan/${scan.id}`);
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-scan">
      <Title order={2} size="h3" id="start-scan" mb="sm">
        {t("list.start")}
      </Title>
      <form noValidate onSubmit={submit}>
        <Stack>
          <FormError message={formError} />
          <Select
            label={t("list.framework")}
            data={startable.map((f) => ({
              value: f.frameworkId,
              label: t("list.frameworkVersion", { name: local(f.name, lang), number: f.versionNumber }),
            }))}
            allowDeselect={false}
            {...form.getInputProps("frameworkId")}
            onChange={(value) => {
              const framework = startable.find((f) => f.frameworkId === value);
              form.setValues({ frameworkId: value ?? "", variant: framework?.variants[0]?.key ?? "" });
            }}
          />
          <Select
            label={t("list.variant")}
            description={t("list.variantHint")}
            data={(chosen?.variants ?? []).map((v) => ({ value: v.key, label: local(v.name, lang) }))}
            allowDeselect={false}
            {...form.getInputProps("variant")}
          />
          <Group>
            <Button type="submit" loading={pending}>
              {t("list.begin")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

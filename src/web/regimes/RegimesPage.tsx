import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { builtinRegime } from "../../domain/regimes/builtin";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { useRegimeText } from "../i18n/regime-text";
import { useSession } from "../session";
import { Dialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type RegimeView, regimeKeys, useRegimeList } from "./model";

/** The regimes an admin can use: the standard ones and the organisation's own copies. */
export default function RegimesPage() {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const query = useRegimeList();
  const [copying, setCopying] = useState<RegimeView | null>(null);

  const nameOf = (key: string | null) => {
    const found = query.data?.items.find((r) => r.key === key)?.document ?? (key ? builtinRegime(key) : undefined);
    return found ? text(found.name) : (key ?? "");
  };

  return (
    <Stack maw={1100}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      <Alert color="blue" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
        {t("list.keeps")}
      </Alert>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t("list.empty")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {query.data.items.map((regime) => {
            const name = text(regime.document.name);
            const headingId = `regime-${regime.id ?? regime.key}`;
            return (
              <Card withBorder component="article" aria-labelledby={headingId} key={regime.id ?? regime.key}>
                <Stack gap="xs" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Title order={3} size="h4" id={headingId}>
                      {name}
                    </Title>
                    <Badge variant={regime.builtIn ? "light" : "outline"} style={{ flexShrink: 0 }}>
                      {regime.builtIn ? t("list.builtIn") : t("list.own")}
                    </Badge>
                  </Group>
                  <Text size="sm">{text(regime.document.description)}</Text>
                  <Text size="sm" c="dimmed">
                    {regime.basedOn ? `${t("list.basedOn", { name: nameOf(regime.basedOn) })} · ` : ""}
                    {t("list.version", { version: regime.document.version })}
                  </Text>
                  <Group gap="sm" mt="auto" pt="xs">
                    {query.data.canManage && (
                      <Button
                        variant="light"
                        onClick={() => setCopying(regime)}
                        aria-label={t("list.copyNamed", { name })}
                      >
                        {t("list.copy")}
                      </Button>
                    )}
                    {!regime.builtIn && regime.id && query.data.canManage && (
                      <Button
                        component={Link}
                        to={`/regelingen/${regime.id}`}
                        variant="default"
                        aria-label={t("list.editNamed", { name })}
                      >
                        {t("list.edit")}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <Dialog
        opened={copying !== null}
        onClose={() => setCopying(null)}
        title={copying ? t("copy.title", { name: text(copying.document.name) }) : ""}
      >
        {copying && <CopyForm regime={copying} onClose={() => setCopying(null)} />}
      </Dialog>
    </Stack>
  );
}

/** Asks a name for the copy, makes it, and opens it to be adapted. */
function CopyForm({ regime, onClose }: { regime: RegimeView; onClose: () => void }) {
  const { t } = useTranslation("regimes");
  const { t: tc } = useTranslation();
  const { text } = useRegimeText();
  const organisation = useSession().data?.organisation?.name ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; basedOn: string }>({
    initialValues: {
      name: t("copy.defaultName", { name: text(regime.document.name), organisation }).slice(0, 200),
      basedOn: regime.key,
    },
  });
  const { run, formError } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const copy = await api<RegimeView>("/regimes", { body: values });
      await queryClient.invalidateQueries({ queryKey: regimeKeys.list });
      queryClient.setQueryData(regimeKeys.regime(copy.id ?? ""), copy);
      notifySuccess(t("copy.done"));
      onClose();
      navigate(`/regelingen/${copy.id}`);
    }),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <Text size="sm">{t("copy.intro")}</Text>
        <FormError message={formError ?? (form.errors.basedOn as string | undefined) ?? null} />
        <TextInput label={t("copy.name")} required maxLength={200} data-autofocus {...form.getInputProps("name")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc("actions.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("copy.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Button, Center, CopyButton, Group, List, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api";
import { formatDateTime } from "../i18n";
import { Section } from "../meetings/Section";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { PageTitle } from "../shell/PageTitle";
import { webcalUrl } from "./model";

interface CalendarState {
  exists: boolean;
  createdAt: string | null;
}

const calendarKey = ["calendar"] as const;

/**
 * A person's own calendar feed: what it is, and a secret address made (or made anew) on
 * request and shown once; renewing makes the old address stop working.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation("calendar");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: calendarKey, queryFn: () => api<CalendarState>("/calendar") });
  const [created, setCreated] = useState<{ url: string; renewed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, confirm] = useDisclosure(false);

  async function renew() {
    const renewed = query.data?.exists ?? false;
    setBusy(true);
    setError(null);
    try {
      const { url } = await api<{ url: string }>("/calendar/renew", { body: {} });
      setCreated({ url, renewed });
      await queryClient.invalidateQueries({ queryKey: calendarKey });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : tc("errors.offline"));
    } finally {
      setBusy(false);
      confirm.close();
    }
  }

  return (
    <Stack maw={760}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      <Section id="calendar-how" title={t("howTo")}>
        <List size="sm" spacing={4}>
          <List.Item>{t("steps.outlook")}</List.Item>
          <List.Item>{t("steps.google")}</List.Item>
          <List.Item>{t("steps.apple")}</List.Item>
        </List>
        <Text size="sm" mt="sm">
          {t("secret")}
        </Text>
      </Section>

      <Section id="calendar-status" title={t("status.heading")}>
        {query.isPending ? (
          <Center p="md">
            <Loader aria-label={tc("loading")} />
          </Center>
        ) : query.isError ? (
          <FormError message={query.error.message} />
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              {query.data.exists
                ? query.data.createdAt
                  ? t("status.exists", { date: formatDateTime(query.data.createdAt, i18n.language) })
                  : t("status.existsUndated")
                : t("status.none")}
            </Text>
            {query.data.exists && (
              <Text size="sm" c="dimmed">
                {t("renewWarning")}
              </Text>
            )}
            <FormError message={error} />
            <Group>
              {query.data.exists ? (
                <Button variant="light" onClick={confirm.open} loading={busy}>
                  {t("renew")}
                </Button>
              ) : (
                <Button onClick={renew} loading={busy}>
                  {t("create")}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Section>

      {created && (
        <Section id="calendar-address" title={t("address.heading")}>
          <Stack gap="sm">
            <Alert color="yellow" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
              {t("address.once")}
              {created.renewed && ` ${t("address.oldStopped")}`}
            </Alert>
            <TextInput
              label={t("address.label")}
              value={created.url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <Group gap="sm">
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} aria-live="polite">
                    {copied ? t("address.copied") : t("address.copy")}
                  </Button>
                )}
              </CopyButton>
              <Anchor href={webcalUrl(created.url)} size="sm">
                {t("address.open")}
              </Anchor>
            </Group>
          </Stack>
        </Section>
      )}

      <ConfirmDialog
        opened={confirming}
        onClose={confirm.close}
        title={t("confirmTitle")}
        text={t("confirmText")}
        confirmLabel={t("renew")}
        onConfirm={renew}
        busy={busy}
        danger
      />
    </Stack>
  );
}

import { Alert, Anchor, Button, CopyButton, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api";
import { useAction } from "../forms";
import { formatDateTime } from "../i18n";
import { Section } from "../meetings/Section";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { webcalUrl } from "./model";
import "./texts";

interface CalendarState {
  exists: boolean;
  createdAt: string | null;
  /** Whether Koers can show the address again (not for one made before it could). */
  showable: boolean;
}

/** The address on screen: just made, made anew (the old one stopped), or shown again. */
type Shown = { url: string; how: "created" | "renewed" | "again" };

const calendarKey = ["calendar"] as const;

/**
 * A person's own calendar feed: what it is, its secret address shown again when asked, and a
 * new address on request; renewing (after a confirmation) makes the old address stop working.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation("calendar");
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: calendarKey, queryFn: () => api<CalendarState>("/calendar") });
  const [created, setCreated] = useState<Shown | null>(null);
  const [confirming, confirm] = useDisclosure(false);

  /** Makes a new address (the first, or one that replaces the old), or shows the present one again. */
  const act = useAction(async (kind: "renew" | "again") => {
    if (kind === "again") {
      const { url } = await api<{ url: string | null }>("/calendar/address");
      if (!url) throw new ApiError({ status: 404, code: "problem.notFound", title: t("address.notShowable") });
      setCreated({ url, how: "again" });
      return;
    }
    const renewed = query.data?.exists ?? false;
    try {
      const { url } = await api<{ url: string }>("/calendar/renew", { body: {} });
      setCreated({ url, how: renewed ? "renewed" : "created" });
      await queryClient.invalidateQueries({ queryKey: calendarKey });
    } finally {
      confirm.close();
    }
  });
  const busy = act.pending;
  const renew = () => act.run("renew");
  const showAgain = () => act.run("again");

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
          <Loading />
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
            <FormError message={act.error} />
            {query.data.exists && !query.data.showable && <Text size="sm">{t("address.notShowable")}</Text>}
            <Group>
              {query.data.exists && query.data.showable && created?.how !== "again" && (
                <Button onClick={showAgain} loading={busy}>
                  {t("show")}
                </Button>
              )}
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
        <Section
          id="calendar-address"
          title={created.how === "again" ? t("address.headingAgain") : t("address.heading")}
        >
          <Stack gap="sm">
            <Alert color="yellow" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
              {t("address.keepSecret")}
              {created.how === "renewed" && ` ${t("address.oldStopped")}`}
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

import { Alert, Anchor, Box, Group, Modal, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { OutboxList, OutboxMessage, OutboxSummary } from "../../domain/outbox/api";
import { api } from "../api";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { linkify } from "./linkify";
import "./texts";

export const outboxKeys = {
  all: ["outbox"] as const,
  list: (page: number) => ["outbox", "list", page] as const,
  message: (id: string) => ["outbox", "message", id] as const,
};

/** The mail text with its web addresses as links; React escapes everything else. */
function MailText({ text }: { text: string }) {
  return (
    <Text component="div" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {linkify(text).map((segment, index) =>
        segment.kind === "link" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments never reorder
          <Anchor key={index} href={segment.href} rel="noopener noreferrer">
            {segment.text}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments never reorder
          <span key={index}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}

/** Where a mail's delivery stands, in words: failing and given-up mail in a colour that stands out. */
function DeliveryStatusText({ mail, size }: { mail: OutboxSummary; size?: "sm" | "xs" }) {
  const { t } = useTranslation("outbox");
  const text =
    mail.status === "failing"
      ? t("status.failing", { count: mail.attempts })
      : mail.status === "abandoned"
        ? mail.attempts > 0
          ? t("status.abandoned", { count: mail.attempts })
          : t("status.abandonedUntried")
        : t(`status.${mail.status}`);
  const alarming = mail.status === "failing" || mail.status === "abandoned";
  return (
    <Text component="span" size={size} c={alarming ? "red.9" : undefined} fw={alarming ? 600 : undefined}>
      {text}
    </Text>
  );
}

/** Why the last attempt failed: the kind of failure, and the mail server's reply code if it answered. */
function failureText(mail: OutboxSummary, t: (key: string, values?: Record<string, unknown>) => string) {
  if (!mail.lastError) return null;
  const reason = t(`reason.${mail.lastError}`);
  return mail.lastErrorCode ? `${reason} ${t("reason.code", { code: mail.lastErrorCode })}` : reason;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" fw={600} size="sm" style={{ flexShrink: 0 }}>
        {label}:
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Group>
  );
}

function MessageDialog({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation("outbox");
  const { t: tc } = useTranslation();
  const fullScreen = useMediaQuery("(max-width: 36em)");
  const message = useQuery({
    queryKey: outboxKeys.message(messageId ?? ""),
    queryFn: () => api<OutboxMessage>(`/outbox/${encodeURIComponent(messageId ?? "")}`),
    enabled: Boolean(messageId),
  });
  const data = message.data;
  return (
    // Composed so the dialog's header is a plain div: a <header> here would be a second page banner.
    <Modal.Root opened={Boolean(messageId)} onClose={onClose} size="lg" fullScreen={fullScreen}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{data?.subject ?? t("message.loading")}</Modal.Title>
          <Modal.CloseButton aria-label={tc("actions.close")} />
        </Modal.Header>
        <Modal.Body>
          {message.isPending && <Loading label={t("message.loading")} />}
          {message.isError && <FormError message={message.error.message} />}
          {data && (
            <Stack gap="sm">
              <Box component="dl" m={0}>
                <Field label={t("message.to")}>{data.to}</Field>
                <Field label={t("message.createdAt")}>{formatDateTime(data.createdAt, i18n.language)}</Field>
                <Field label={t("message.status")}>
                  <DeliveryStatusText mail={data} size="sm" />
                </Field>
                {data.sentAt && <Field label={t("message.sentAt")}>{formatDateTime(data.sentAt, i18n.language)}</Field>}
                {!data.sentAt && data.lastAttemptAt && (
                  <Field label={t("message.lastAttemptAt")}>{formatDateTime(data.lastAttemptAt, i18n.language)}</Field>
                )}
                {!data.sentAt && data.lastError && <Field label={t("message.lastError")}>{failureText(data, t)}</Field>}
                {data.status === "failing" && data.nextAttemptAt && (
                  <Field label={t("message.nextAttemptAt")}>{formatDateTime(data.nextAttemptAt, i18n.language)}</Field>
                )}
              </Box>
              <Paper withBorder p="md" radius="sm" component="section" aria-label={t("message.body")}>
                <Stack gap="xs">
                  {data.withheld && <Text size="sm">{t("message.withheld")}</Text>}
                  <MailText text={data.text} />
                </Stack>
              </Paper>
            </Stack>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** What Koers mailed for this organisation: the demo's mailbox when no mail server is set up. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation("outbox");
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const openId = params.get("bericht");

  const list = useQuery({
    queryKey: outboxKeys.list(page),
    queryFn: () => api<OutboxList>(`/outbox?page=${page}`),
    placeholderData: (previous) => previous,
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  function update(changes: Record<string, string | null>) {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  }

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Stack>
        <Text c="dimmed">{t("intro")}</Text>
        {list.isError && <FormError message={list.error.message} />}
        {list.isPending && <Loading />}
        {data && !data.delivers && (
          <Alert color="gray" variant="light" role="status">
            {t("noServer")}
          </Alert>
        )}
        {data && data.failing > 0 && (
          <Alert
            color="red"
            variant="light"
            role="status"
            title={t("failing.title", { count: data.failing })}
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            {t("failing.body")}
          </Alert>
        )}
        {data && (
          <>
            <Group justify="space-between" align="baseline">
              <Title order={3} size="h4">
                {t("caption")}
              </Title>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("count", { count: data.total })}
              </Text>
            </Group>
            <ListTable
              rows={data.items}
              rowKey={(message) => message.id}
              label={t("caption")}
              minWidth={340}
              empty={t("empty")}
              columns={[
                {
                  key: "subject",
                  header: t("columns.subject"),
                  primary: true,
                  cell: (message) => (
                    <>
                      <UnstyledButton
                        onClick={() => update({ bericht: message.id })}
                        aria-label={t("open", { to: message.to, subject: message.subject })}
                        c="brand.8"
                        td="underline"
                        fw={500}
                        style={{ textAlign: "start" }}
                      >
                        {message.subject}
                      </UnstyledButton>
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {formatDateTime(message.createdAt, i18n.language)}
                      </Text>
                    </>
                  ),
                },
                {
                  key: "to",
                  header: t("columns.to"),
                  cell: (message) => message.to,
                  cellProps: { style: { overflowWrap: "anywhere" } },
                },
                {
                  key: "status",
                  header: t("columns.status"),
                  cell: (message) => <DeliveryStatusText mail={message} size="sm" />,
                },
                {
                  key: "createdAt",
                  header: t("columns.createdAt"),
                  fromTablet: true,
                  cell: (message) => formatDateTime(message.createdAt, i18n.language),
                },
              ]}
              pager={{ page, pages, onChange: (next) => update({ pagina: next === 1 ? null : String(next) }) }}
            />
          </>
        )}
      </Stack>
      <MessageDialog messageId={openId} onClose={() => update({ bericht: null })} />
    </>
  );
}

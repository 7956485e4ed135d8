import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Notification } from "../../domain/notifications/api";
import { formatDate, formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { Pager } from "../shell/Pager";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { localDay } from "../trajectories/format";
import { useMarkRead, useNotifications } from "./queries";
import { notificationText } from "./text";

function NotificationItem({
  notification,
  text,
  onRead,
}: {
  notification: Notification;
  text: string;
  onRead: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation("notifications");
  const unread = notification.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      bg={unread ? "brand.0" : undefined}
      data-testid="notification"
      data-unread={unread}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            {unread && (
              <Badge size="sm" color="brand" variant="filled">
                {t("unread")}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(notification.createdAt, i18n.language)}
            </Text>
          </Group>
          {notification.link ? (
            <Anchor
              component={Link}
              to={notification.link}
              fw={unread ? 600 : 400}
              style={{ overflowWrap: "anywhere" }}
              onClick={() => {
                if (unread) void onRead();
              }}
            >
              {text}
            </Anchor>
          ) : (
            <Text fw={unread ? 600 : 400} style={{ overflowWrap: "anywhere" }}>
              {text}
            </Text>
          )}
        </Stack>
        {unread && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={onRead}
            aria-label={t("markReadLabel", { text })}
            style={{ flexShrink: 0 }}
          >
            {t("markRead")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The person's own notifications: newest first, the unread ones marked, each linking to its subject. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation("notifications");
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const list = useNotifications(page);
  const markRead = useMarkRead();
  const [error, setError] = useState<string | null>(null);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const formatDay = (iso: string) => formatDate(localDay(iso), i18n.language);

  const run = async (id: string | "all") => {
    setError(null);
    try {
      await markRead(id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <PageTitle
        actions={
          data && data.unread > 0 ? (
            <Button variant="light" onClick={() => run("all")}>
              {t("markAllRead")}
            </Button>
          ) : undefined
        }
      >
        {t("title")}
      </PageTitle>
      <Stack>
        <Text c="dimmed">{t("intro")}</Text>
        {error && <FormError message={error} />}
        {list.isError && <FormError message={list.error.message} />}
        {list.isPending && <Loading />}
        {data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="unread-count">
              {data.unread > 0 ? t("unreadCount", { count: data.unread }) : data.total > 0 ? t("allRead") : ""}
            </Text>
            {data.items.length === 0 ? (
              <Text c="dimmed">{t("empty")}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("caption")}>
                {data.items.map((notification) => (
                  <NotificationItem
                    key={notification.id}
                    notification={notification}
                    text={notificationText(notification, t as never, formatDay)}
                    onRead={() => run(notification.id)}
                  />
                ))}
              </Stack>
            )}
            <Pager
              page={page}
              pages={pages}
              onChange={(next) =>
                setParams((previous) => {
                  const nextParams = new URLSearchParams(previous);
                  if (next === 1) nextParams.delete("pagina");
                  else nextParams.set("pagina", String(next));
                  return nextParams;
                })
              }
            />
          </>
        )}
      </Stack>
    </>
  );
}

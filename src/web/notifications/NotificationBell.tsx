import { ActionIcon, Indicator } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUnreadCount } from "./queries";

/** The header's way to the notifications, with the number unread. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread > 0 ? t("bellUnread", { count: unread }) : t("bell");
  return (
    <Indicator label={unread > 99 ? "99+" : unread} disabled={unread === 0} size={18} color="red" offset={6}>
      <ActionIcon
        component={Link}
        to="/meldingen"
        variant="subtle"
        color="white"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}

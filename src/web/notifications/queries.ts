import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationList } from "../../domain/notifications/api";
import { api } from "../api";

export const notificationKeys = {
  all: ["notifications"] as const,
  page: (page: number) => ["notifications", "page", page] as const,
  count: ["notifications", "count"] as const,
};

export const PAGE_SIZE = 25;
/** How often the header looks for new notifications. */
const POLL_MS = 60_000;

/** A page of the person's notifications; the header's count takes the unread number it comes with. */
export function useNotifications(page: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: notificationKeys.page(page),
    queryFn: async () => {
      const list = await api<NotificationList>(`/notifications?page=${page}&limit=${PAGE_SIZE}`);
      queryClient.setQueryData(notificationKeys.count, list.unread);
      return list;
    },
    placeholderData: (previous) => previous,
  });
}

/** The unread count for the header, asked for again every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.count,
    queryFn: async () => (await api<NotificationList>("/notifications?limit=1")).unread,
    refetchInterval: POLL_MS,
    enabled,
  });
}

/** Marks one notification (or all) read, then refreshes the page and the header. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return async (notificationId: string | "all") => {
    await api(notificationId === "all" ? "/notifications/read-all" : `/notifications/${notificationId}/read`, {
      method: "POST",
    });
    await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

import { Alert, Anchor, Paper, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { FriendRequest, FriendRequestList } from "../../domain/competences/scan-api";
import { api } from "../api";
import { formatDate } from "../i18n";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { FriendRatingForm } from "./FriendRatingForm";
import "./texts";

const requestsKey = ["friend-requests"] as const;

/** A member's open requests to rate a colleague as a critical friend. */
export default function FriendRequestsPage() {
  const { t, i18n } = useTranslation("scans");
  const query = useQuery({ queryKey: requestsKey, queryFn: () => api<FriendRequestList>("/friend-requests") });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("rate.requestsTitle")} />;
  return (
    <Stack maw={960}>
      <PageTitle>{t("rate.requestsTitle")}</PageTitle>
      <Text>{t("rate.requestsIntro")}</Text>
      {query.data.items.length === 0 ? (
        <Text c="dimmed">{t("rate.noRequests")}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {query.data.items.map((item) => (
            <Paper component="li" key={item.id} withBorder p="sm">
              <Anchor component={Link} to={`/beoordelen/${item.id}`} fw={600}>
                {t("rate.requestFrom", { name: item.ownerName, kind: t(`friends.kinds.${item.kind}`).toLowerCase() })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t("rate.until", { date: formatDate(item.expiresAt, i18n.language) })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One request: rate or decline. */
export function FriendRequestPage() {
  const { friendId = "" } = useParams();
  const { t } = useTranslation("scans");
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...requestsKey, friendId],
    queryFn: () => api<FriendRequest>(`/friend-requests/${friendId}`),
  });
  const back = <BackLink to="/beoordelen">{t("rate.back")}</BackLink>;
  if (query.isPending) return <Loading label={t("rate.loading")} />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("rate.requestsTitle")} />;
  const request = query.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: requestsKey, exact: true });
  return (
    <Stack maw={960}>
      {back}
      <PageTitle>{t("rate.title", { name: request.ownerName })}</PageTitle>
      {request.status === "invited" ? (
        <FriendRatingForm
          request={request}
          onAnswer={async (ratings) => {
            await api(`/friend-requests/${friendId}`, { method: "PUT", body: { ratings } });
            await refresh();
          }}
          onDecline={async () => {
            await api(`/friend-requests/${friendId}/decline`, { method: "POST" });
            await refresh();
          }}
        />
      ) : (
        <Alert color="gray" role="status">
          {t("rate.closed")}
        </Alert>
      )}
    </Stack>
  );
}

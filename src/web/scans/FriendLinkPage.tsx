import { Alert, Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { FriendRequest } from "../../domain/competences/scan-api";
import { ApiError, api } from "../api";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { Loading } from "../shell/PageStates";
import { FriendRatingForm } from "./FriendRatingForm";
import "./texts";

/**
 * The page behind a critical friend's link, for someone without an account: the behaviours to
 * rate and the scale, nothing else. A used, withdrawn or expired link says so plainly.
 */
export default function FriendLinkPage() {
  const { t } = useTranslation("scans");
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const query = useQuery({
    queryKey: ["friend-link", token],
    queryFn: () => api<FriendRequest>(`/friend-links?token=${encodeURIComponent(token)}`),
    enabled: Boolean(token),
    retry: false,
    // Once answered, the link no longer works: never fetch it again behind the user's back.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  let body: React.ReactNode;
  if (!token || query.isError) {
    const message = !token
      ? t("rate.missingToken")
      : query.error instanceof ApiError
        ? query.error.problem.title
        : tc("errors.offline");
    body = (
      <Alert color="orange" role="alert" variant="light">
        {message}
      </Alert>
    );
  } else if (!query.data) body = <Loading label={t("rate.loading")} />;
  else
    body = (
      <Stack>
        <Title order={2} size="h3">
          {t("rate.title", { name: query.data.ownerName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t("rate.organisation", { organisation: query.data.organisationName })}
        </Text>
        <FriendRatingForm
          request={query.data}
          onAnswer={(ratings) => api("/friend-links/answer", { body: { token, ratings } })}
          onDecline={() => api("/friend-links/decline", { body: { token } })}
        />
      </Stack>
    );

  return (
    <Center p="md" bg="gray.1" component="main" mih="100vh" style={{ alignItems: "flex-start" }}>
      <Box w="100%" maw={820}>
        <Group justify="flex-end" mb="sm">
          <LanguageSwitch />
        </Group>
        <Paper p="lg" radius="md" shadow="sm" withBorder>
          <Title order={1} size="h2" mb="md">
            {t("rate.linkTitle")}
          </Title>
          {body}
        </Paper>
      </Box>
    </Center>
  );
}

import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AttendedEvent } from "../../domain/events/api";
import { api } from "../api";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import "./texts";

/**
 * The learning festivals and trainings the signed-in person was checked in at, newest first: the
 * activities they followed, shown on their learning path beside the competences they work on.
 */
export function AttendedEvents() {
  const { t, i18n } = useTranslation("events");
  const query = useQuery({
    queryKey: ["events", "attended"],
    queryFn: () => api<{ items: AttendedEvent[] }>("/events/attended"),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="attended-events">
      <Title order={2} size="h3" id="attended-events">
        {t("attended.heading")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("attended.intro")}
      </Text>
      {query.isError && <FormError message={query.error.message} />}
      {query.data?.items.length === 0 && <Text size="sm">{t("attended.none")}</Text>}
      {query.data && query.data.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {query.data.items.map((event) => (
            <li key={event.id}>
              <Anchor component={Link} to={`/activiteiten/${event.id}`} fw={500}>
                {event.title}
              </Anchor>
              <Text size="sm">
                {t(`kinds.${event.kind}`)} · {formatDate(event.startsAt, i18n.language)}
              </Text>
              {event.kind !== "training" && event.sessions.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t("attended.sessions", { sessions: event.sessions.join(", ") })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

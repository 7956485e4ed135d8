import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../i18n";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type EventSummary, eventPath, newEventPath, useEventCounts, useEvents } from "./model";
import "./texts";

/** The learning festivals and trainings a person may go to; organisers see all, with this year's numbers. */
export default function EventsPage() {
  const { t } = useTranslation("events");
  const list = useEvents();
  const counts = useEventCounts(list.data?.canCreate === true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError back={null} error={list.error} notFound={t("title")} />;
  const { upcoming, past, canCreate } = list.data;
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text mt={-8}>{canCreate ? t("list.introOrganiser") : t("list.intro")}</Text>
      {canCreate && (
        <Group>
          <Button component={Link} to={newEventPath}>
            {t("list.create")}
          </Button>
        </Group>
      )}
      {canCreate && counts.data && (
        <Paper withBorder p="sm" component="section" aria-labelledby="event-counts">
          <Title order={3} size="h5" id="event-counts" mb="xs">
            {t("counts.heading")}
          </Title>
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
            <Figure label={t("counts.events")} value={String(counts.data.events)} />
            <Figure label={t("counts.participants")} value={String(counts.data.participants)} />
            <Figure label={t("counts.attended")} value={String(counts.data.attended)} />
            <Figure
              label={t("counts.rate")}
              value={
                counts.data.attendanceRate === null
                  ? t("counts.noRate")
                  : `${Math.round(counts.data.attendanceRate * 100)}%`
              }
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t("counts.note")}
          </Text>
        </Paper>
      )}
      <EventList id="events-upcoming" title={t("list.upcoming")} items={upcoming} empty={t("list.noUpcoming")} />
      <EventList id="events-past" title={t("list.past")} items={past} empty={t("list.noPast")} />
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </div>
  );
}

function EventList({ id, title, items, empty }: { id: string; title: string; items: EventSummary[]; empty: string }) {
  const { t, i18n } = useTranslation("events");
  const lang = i18n.language;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {items.length === 0 && <Text c="dimmed">{empty}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((event) => (
            <Paper component="li" key={event.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={eventPath(event.id)} fw={500}>
                  {event.title}
                </Anchor>
                <Group gap={4}>
                  <Badge variant="light">{t(`kinds.${event.kind}`)}</Badge>
                  {event.status === "cancelled" && (
                    <Badge variant="outline" color="gray.8">
                      {t("list.cancelled")}
                    </Badge>
                  )}
                  {event.mine.registered > 0 && (
                    <Badge variant="light">{t("list.registered", { count: event.mine.registered })}</Badge>
                  )}
                  {event.mine.waiting > 0 && (
                    <Badge variant="outline" color="gray.8">
                      {t("list.waiting")}
                    </Badge>
                  )}
                </Group>
              </Group>
              <Text size="sm">
                {formatDateTime(event.startsAt, lang)} · {event.place ?? t("list.online")} ·{" "}
                {t(`audiences.${event.audience}`)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

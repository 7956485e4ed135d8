import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { dutchParts } from "../../domain/dutch-time";
import { AUDIENCES, EVENT_KINDS, MAX_ROUNDS, MAX_SESSIONS } from "../../domain/events/api";
import { ApiError, api } from "../api";
import { useApiSubmit } from "../forms";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { localDateTime } from "../trajectories/date-input";
import { type EventDetail, eventKeys, eventPath, eventsPath, refreshEvents, useCandidates, useEvent } from "./model";
import "./texts";

interface SessionValues {
  /** A saved session's id: its round is fixed, and it cannot be removed. */
  id?: string;
  round: string;
  title: string;
  capacity: number | string;
}

interface EventValues extends Record<string, unknown> {
  title: string;
  kind: string;
  audience: string;
  description: string;
  date: string;
  start: string;
  end: string;
  place: string;
  onlineUrl: string;
  deadlineDate: string;
  trainerIds: string[];
  sessions: SessionValues[];
}

const ROUNDS = Array.from({ length: MAX_ROUNDS }, (_, i) => String(i + 1));

/** The server's names for the fields this form names otherwise. */
const FORM_FIELD: Record<string, string> = { startsAt: "date", endsAt: "end", registrationDeadline: "deadlineDate" };

const EMPTY: EventValues = {
  title: "",
  kind: "festival",
  audience: "guides",
  description: "",
  date: "",
  start: "13:00",
  end: "17:00",
  place: "",
  onlineUrl: "",
  deadlineDate: "",
  trainerIds: [],
  sessions: [{ round: "1", title: "", capacity: 20 }],
};

/** A saved event as the form's values: its Dutch date and times, its sessions with their ids. */
const valuesOf = (event: EventDetail): EventValues => ({
  title: event.title,
  kind: event.kind,
  audience: event.audience,
  description: event.description,
  date: dutchParts(event.startsAt).date,
  start: dutchParts(event.startsAt).time,
  end: dutchParts(event.endsAt).time,
  place: event.place ?? "",
  onlineUrl: event.onlineUrl ?? "",
  deadlineDate: dutchParts(event.registrationDeadline).date,
  trainerIds: event.trainers.map((p) => p.userId),
  sessions: event.sessions.map((s) => ({ id: s.id, round: String(s.round), title: s.title, capacity: s.capacity })),
});

/** An organiser makes a learning festival or training: when, where, for whom, by whom, and its rounds of sessions. */
export default function NewEventPage() {
  return <EventForm initial={EMPTY} event={null} />;
}

/** An organiser changes an event: what, when, where, who gives it, its sessions' titles and places, and new sessions. */
export function EditEventPage() {
  const { eventId = "" } = useParams();
  const { t } = useTranslation("events");
  const query = useEvent(eventId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={eventsPath} error={query.error} notFound={t("event.notFound")} />;
  return <EventForm initial={valuesOf(query.data)} event={query.data} />;
}

function EventForm({ initial, event }: { initial: EventValues; event: EventDetail | null }) {
  const { t } = useTranslation("events");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const candidates = useCandidates(true);
  const form = useForm<EventValues>({ initialValues: initial });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: EventValues) {
    const startsAt = localDateTime(values.date, values.start);
    const endsAt = localDateTime(values.date, values.end);
    const lastDay = localDateTime(values.deadlineDate, "23:59");
    if (!startsAt || !endsAt || !lastDay) {
      form.setErrors({
        ...(startsAt ? {} : { date: t("form.invalidTime") }),
        ...(endsAt ? {} : { end: t("form.invalidTime") }),
        ...(lastDay ? {} : { deadlineDate: t("form.invalidTime") }),
      });
      return;
    }
    // Registering closes at the end of the chosen day, or at the start if that comes first.
    const registrationDeadline = lastDay < startsAt ? lastDay : startsAt;
    const fields = {
      title: values.title,
      kind: values.kind,
      audience: values.audience,
      description: values.description,
      startsAt,
      endsAt,
      place: values.place.trim() || null,
      onlineUrl: values.onlineUrl.trim() || null,
      registrationDeadline,
    };
    const capacity = (s: SessionValues) => (s.capacity === "" ? null : Number(s.capacity));
    await run(async () => {
      const saved = await api<EventDetail>(event ? `/events/${event.id}` : "/events", {
        method: event ? "PUT" : "POST",
        body: event
          ? {
              ...fields,
              version: event.version,
              trainerIds: values.trainerIds,
              // A saved session keeps its round; a new one names the round it is added to.
              sessions: values.sessions.map((s) =>
                s.id
                  ? { id: s.id, title: s.title, capacity: capacity(s) }
                  : { round: Number(s.round), title: s.title, capacity: capacity(s) },
              ),
            }
          : {
              ...fields,
              trainerIds: values.trainerIds,
              sessions: values.sessions.map((s) => ({ round: Number(s.round), title: s.title, capacity: capacity(s) })),
            },
      }).catch((error: unknown) => {
        if (error instanceof ApiError && error.problem.errors)
          error.problem.errors = Object.fromEntries(
            Object.entries(error.problem.errors).map(([name, message]) => [FORM_FIELD[name] ?? name, message]),
          );
        throw error;
      });
      queryClient.setQueryData(eventKeys.event(saved.id), saved);
      await refreshEvents(queryClient);
      notifySuccess(t(event ? "form.saved" : "form.created"));
      navigate(eventPath(saved.id));
    });
  }

  const sessions = form.values.sessions;
  // A trainer named before who has since left still shows, so the organiser can take them off.
  const trainerOptions = [
    ...(candidates.data ?? []).map((p) => ({ value: p.userId, label: p.name })),
    ...(event?.trainers ?? [])
      .filter((p) => !candidates.data?.some((c) => c.userId === p.userId))
      .map((p) => ({ value: p.userId, label: p.name })),
  ];
  return (
    <Stack gap="md" maw={960}>
      {event ? (
        <BackLink to={eventPath(event.id)}>{event.title}</BackLink>
      ) : (
        <BackLink to={eventsPath}>{t("form.back")}</BackLink>
      )}
      <PageTitle>{event ? t("form.editHeading") : t("form.heading")}</PageTitle>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <Card withBorder>
            <Stack gap="sm">
              <TextInput label={t("form.title")} required maxLength={200} {...form.getInputProps("title")} />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NativeSelect
                  label={t("form.kind")}
                  data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                  {...form.getInputProps("kind")}
                />
                <NativeSelect
                  label={t("form.audience")}
                  data={AUDIENCES.map((audience) => ({ value: audience, label: t(`audiences.${audience}`) }))}
                  {...form.getInputProps("audience")}
                />
              </SimpleGrid>
              <Textarea
                label={t("form.description")}
                autosize
                minRows={3}
                maxLength={5000}
                {...form.getInputProps("description")}
              />
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <TextInput type="date" label={t("form.date")} required {...form.getInputProps("date")} />
                <TextInput type="time" label={t("form.start")} required {...form.getInputProps("start")} />
                <TextInput type="time" label={t("form.end")} required {...form.getInputProps("end")} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t("form.place")}
                  description={t("form.placeHint")}
                  maxLength={300}
                  {...form.getInputProps("place")}
                />
                <TextInput
                  type="url"
                  label={t("form.onlineUrl")}
                  maxLength={500}
                  {...form.getInputProps("onlineUrl")}
                />
              </SimpleGrid>
              <TextInput
                type="date"
                label={t("form.deadlineDate")}
                description={t("form.deadlineHint")}
                required
                {...form.getInputProps("deadlineDate")}
              />
              <MultiSelect
                label={t("form.trainers")}
                description={t("form.trainersHint")}
                searchable
                data={trainerOptions}
                {...form.getInputProps("trainerIds")}
              />
            </Stack>
          </Card>
          <Card withBorder component="fieldset" style={{ minWidth: 0 }}>
            <Title order={3} size="h4" component="legend" px={4}>
              {t("form.sessions")}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t("form.sessionsHint")}
            </Text>
            <Stack gap="sm">
              {sessions.map((_, index) => (
                <Group
                  // biome-ignore lint/suspicious/noArrayIndexKey: sessions have no id before they are saved
                  key={index}
                  align="flex-end"
                  gap="xs"
                  wrap="wrap"
                  role="group"
                  aria-label={t("form.sessionLegend", { number: index + 1 })}
                >
                  <NativeSelect
                    label={t("form.round")}
                    data={ROUNDS}
                    w={90}
                    disabled={sessions[index]?.id !== undefined}
                    {...form.getInputProps(`sessions.${index}.round`)}
                  />
                  <TextInput
                    label={t("form.sessionTitle")}
                    required
                    maxLength={200}
                    style={{ flex: "1 1 200px" }}
                    {...form.getInputProps(`sessions.${index}.title`)}
                  />
                  <NumberInput
                    label={t("form.capacity")}
                    min={1}
                    max={2000}
                    allowDecimal={false}
                    allowNegative={false}
                    required
                    w={110}
                    {...form.getInputProps(`sessions.${index}.capacity`)}
                  />
                  {sessions[index]?.id === undefined && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      mb={2}
                      disabled={sessions.length === 1}
                      aria-label={t("form.removeSession", { number: index + 1 })}
                      onClick={() => form.removeListItem("sessions", index)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  disabled={sessions.length >= MAX_SESSIONS}
                  onClick={() =>
                    form.insertListItem("sessions", {
                      round: sessions.at(-1)?.round ?? "1",
                      title: "",
                      capacity: sessions.at(-1)?.capacity ?? 20,
                    })
                  }
                >
                  {t("form.addSession")}
                </Button>
              </Group>
            </Stack>
          </Card>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pending}>
              {event ? t("form.save") : t("form.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

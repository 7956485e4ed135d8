import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api";
import { useAction, useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { Section } from "../meetings/Section";
import { useSession } from "../session";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { CheckInCode } from "./CheckInCode";
import {
  checkInPath,
  type EventDetail,
  eventKeys,
  eventPath,
  eventsPath,
  refreshEvents,
  useCandidates,
  useEvaluations,
  useEvent,
} from "./model";
import "./texts";

type Session = EventDetail["sessions"][number];

/** One event: when and where, its rounds of sessions with places and waiting lists, and what the viewer may do. */
export default function EventPage() {
  const { eventId = "" } = useParams();
  const { t } = useTranslation("events");
  const query = useEvent(eventId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={eventsPath} error={query.error} notFound={t("event.notFound")} />;
  return <EventView event={query.data} />;
}

function useShowEvent() {
  const queryClient = useQueryClient();
  return async (event: EventDetail) => {
    queryClient.setQueryData(eventKeys.event(event.id), event);
    await refreshEvents(queryClient);
  };
}

function EventView({ event }: { event: EventDetail }) {
  const { t, i18n } = useTranslation("events");
  const me = useSession().data?.user ?? null;
  const lang = i18n.language;
  const rounds = [...new Set(event.sessions.map((s) => s.round))];
  const began = new Date(event.startsAt).getTime() <= Date.now();
  return (
    <Stack gap="md" maw={960}>
      <BackLink to={eventsPath}>{t("event.back")}</BackLink>
      <Group gap="xs" align="center">
        <PageTitle>{event.title}</PageTitle>
        <Badge variant="light">{t(`kinds.${event.kind}`)}</Badge>
      </Group>
      {event.status === "cancelled" && (
        <Alert color="red" variant="light" role="status">
          {t("event.cancelled")}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <Stack gap={4}>
          <Text>
            <strong>{t("event.when")}:</strong> {formatDateTime(event.startsAt, lang)} –{" "}
            {formatDateTime(event.endsAt, lang)}
          </Text>
          {event.place && (
            <Text>
              <strong>{t("event.where")}:</strong> {event.place}
            </Text>
          )}
          {event.onlineUrl && (
            <Anchor href={event.onlineUrl} target="_blank" rel="noreferrer">
              {t("event.online")}
            </Anchor>
          )}
          <Text size="sm">{t(`audiences.${event.audience}`)}</Text>
          {event.trainers.length > 0 && (
            <Text size="sm">{t("event.trainers", { names: event.trainers.map((p) => p.name).join(", ") })}</Text>
          )}
          {event.status === "planned" && (
            <Text size="sm" c={event.registrationOpen ? undefined : "dimmed"}>
              {event.registrationOpen
                ? t("event.deadline", { when: formatDateTime(event.registrationDeadline, lang) })
                : t("event.closed")}
            </Text>
          )}
          {event.attended && (
            <Text size="sm" fw={500}>
              {t("event.attended")}
            </Text>
          )}
        </Stack>
        {event.description && (
          <Text mt="sm" style={{ whiteSpace: "pre-wrap" }}>
            {event.description}
          </Text>
        )}
      </Paper>
      {(event.abilities.checkIn || event.abilities.organise) && event.status === "planned" && (
        <Group>
          {event.abilities.checkIn && (
            <Button component={Link} to={checkInPath(event.id)} variant="light">
              {t("event.checkIn")}
            </Button>
          )}
          {event.abilities.organise && (
            <Button component={Link} to={`${eventPath(event.id)}/wijzigen`} variant="default">
              {t("form.edit")}
            </Button>
          )}
          {event.abilities.organise && !began && <CancelEvent event={event} />}
        </Group>
      )}
      {rounds.map((round) => (
        <Stack key={round} gap="xs" component="section" aria-labelledby={`round-${round}`}>
          <Title order={3} size="h4" id={`round-${round}`}>
            {t("event.round", { number: round })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {event.sessions
              .filter((s) => s.round === round)
              .map((session) => (
                <SessionCard key={session.id} event={event} session={session} />
              ))}
          </SimpleGrid>
        </Stack>
      ))}
      {event.abilities.registerOthers && <RegisterOther event={event} />}
      {event.status === "planned" &&
        !event.attended &&
        new Date(event.endsAt).getTime() > Date.now() &&
        event.sessions.some((s) => s.mine?.status === "registered") &&
        me && <CheckInCode eventId={event.id} userId={me.id} />}
      {event.evaluation.open && <EvaluationForm event={event} />}
      {event.evaluation.submitted && <Text>{t("evaluation.done")}</Text>}
      {event.abilities.evaluations && began && event.status === "planned" && <EvaluationResults eventId={event.id} />}
    </Stack>
  );
}

function SessionCard({ event, session }: { event: EventDetail; session: Session }) {
  const { t } = useTranslation("events");
  const show = useShowEvent();
  const action = useAction(async (input: { path: "registrations" | "registrations/cancel"; userId?: string }) => {
    const updated = await api<EventDetail>(`/events/${event.id}/${input.path}`, {
      method: "POST",
      body: { sessionId: session.id, ...(input.userId ? { userId: input.userId } : {}) },
    });
    await show(updated);
    return updated;
  });
  const full = session.registered >= session.capacity;
  const other = event.sessions.find((s) => s.round === session.round && s.id !== session.id && s.mine)?.mine;
  const elsewhere = other !== undefined && other !== null;
  // A place elsewhere in the round is not traded for a waiting list here (the server refuses it too).
  const mayJoin = !(other?.status === "registered" && full);
  const headingId = `session-${session.id}`;

  async function register() {
    if (!(await action.run({ path: "registrations" }))) return;
    notifySuccess(full ? t("event.waitingNow") : t("event.registered"));
  }
  async function cancel(userId?: string) {
    if (await action.run({ path: "registrations/cancel", userId })) notifySuccess(t("event.cancelledOwn"));
  }

  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5" id={headingId}>
            {session.title}
          </Title>
          {full && (
            <Badge variant="outline" color="gray.8">
              {t("event.full")}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t("event.places", { registered: session.registered, capacity: session.capacity })}
          {session.waiting > 0 && ` · ${t("event.waitingCount", { count: session.waiting })}`}
        </Text>
        {session.mine?.status === "registered" && (
          <Text size="sm" fw={600}>
            {t("event.youRegistered")}
          </Text>
        )}
        {session.mine?.status === "waiting" && (
          <Text size="sm" fw={500}>
            {t("event.youWaiting", { position: session.mine.position })}
          </Text>
        )}
        {event.status === "planned" && (
          <Group gap="xs">
            {session.mine && new Date(event.startsAt).getTime() > Date.now() && (
              <Button
                variant="default"
                size="xs"
                aria-label={t("event.cancelFor", { title: session.title })}
                loading={action.pending && action.pendingInput?.userId === undefined}
                onClick={() => cancel()}
              >
                {t("event.cancel")}
              </Button>
            )}
            {!session.mine && event.abilities.registerSelf && mayJoin && (
              <Button
                size="xs"
                variant={full ? "light" : "filled"}
                aria-label={t(elsewhere ? "event.switchFor" : full ? "event.waitlistFor" : "event.registerFor", {
                  title: session.title,
                })}
                loading={action.pending}
                onClick={register}
              >
                {t(elsewhere ? "event.switchTo" : full ? "event.waitlist" : "event.register")}
              </Button>
            )}
          </Group>
        )}
        <FormError message={action.error} />
        {session.people && (
          <Stack gap={4} mt={4}>
            <Text size="sm" fw={500}>
              {t("event.people")}
            </Text>
            {session.people.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("event.nobody")}
              </Text>
            )}
            {session.people.length > 0 && (
              <Stack component="ol" gap={2} m={0} pl="md" aria-label={t("event.peopleFor", { title: session.title })}>
                {session.people.map((person) => (
                  <li key={person.userId}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{person.name}</Text>
                      {person.status === "waiting" && (
                        <Badge size="xs" variant="outline" color="gray.8">
                          {t("event.waitingBadge")}
                        </Badge>
                      )}
                      {event.abilities.registerOthers && (
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          color="red.9"
                          aria-label={t("event.cancelPerson", { name: person.name })}
                          loading={action.pending && action.pendingInput?.userId === person.userId}
                          onClick={() => cancel(person.userId)}
                        >
                          {t("event.cancel")}
                        </Button>
                      )}
                    </Group>
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function RegisterOther({ event }: { event: EventDetail }) {
  const { t } = useTranslation("events");
  const show = useShowEvent();
  const candidates = useCandidates(true);
  const form = useForm({ initialValues: { userId: "", sessionId: event.sessions[0]?.id ?? "" } });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: { userId: string; sessionId: string }) {
    if (!values.userId) {
      form.setErrors({ userId: t("event.person") });
      return;
    }
    const done = await run(async () =>
      show(await api<EventDetail>(`/events/${event.id}/registrations`, { method: "POST", body: values })),
    );
    if (done) {
      notifySuccess(t("event.registeredOther"));
      form.setFieldValue("userId", "");
    }
  }

  return (
    <Section id="register-other" title={t("event.registerOther")}>
      <Text size="sm" c="dimmed" mb="sm">
        {t("event.registerOtherHint")}
      </Text>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t("event.person")}
              required
              data={[
                { value: "", label: "—" },
                ...(candidates.data ?? []).map((p) => ({ value: p.userId, label: p.name })),
              ]}
              {...form.getInputProps("userId")}
            />
            <NativeSelect
              label={t("event.session")}
              data={event.sessions.map((s) => ({
                value: s.id,
                label: `${t("event.round", { number: s.round })}: ${s.title}`,
              }))}
              {...form.getInputProps("sessionId")}
            />
          </SimpleGrid>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pending}>
              {t("event.registerOtherButton")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function CancelEvent({ event }: { event: EventDetail }) {
  const { t } = useTranslation("events");
  const show = useShowEvent();
  const [opened, setOpened] = useState(false);
  const action = useAction(async () =>
    show(await api<EventDetail>(`/events/${event.id}/cancel`, { method: "POST", body: { version: event.version } })),
  );
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t("event.cancelEvent")}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t("event.cancelEvent")}
        text={t("event.cancelEventText")}
        confirmLabel={t("event.cancelEventConfirm")}
        danger
        busy={action.pending}
        onConfirm={async () => {
          if (await action.run()) {
            setOpened(false);
            notifySuccess(t("event.eventCancelled"));
          }
        }}
      >
        <FormError message={action.error} />
      </ConfirmDialog>
    </>
  );
}

const SCORES = ["1", "2", "3", "4", "5"];

function EvaluationForm({ event }: { event: EventDetail }) {
  const { t } = useTranslation("events");
  const show = useShowEvent();
  const form = useForm({ initialValues: { overall: "", usefulness: "", takeAway: "", suggestion: "" } });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const missing = (["overall", "usefulness"] as const).filter((k) => !values[k]);
    if (missing.length) {
      form.setErrors(Object.fromEntries(missing.map((k) => [k, t("evaluation.scale")])));
      return;
    }
    const done = await run(async () =>
      show(
        await api<EventDetail>(`/events/${event.id}/evaluation`, {
          method: "POST",
          body: { ...values, overall: Number(values.overall), usefulness: Number(values.usefulness) },
        }),
      ),
    );
    if (done) notifySuccess(t("evaluation.thanks"));
  }

  return (
    <Section id="evaluation" title={t("evaluation.heading")}>
      <Text size="sm" mb="sm">
        {t("evaluation.intro")}
      </Text>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          {(["overall", "usefulness"] as const).map((question) => (
            <Radio.Group
              key={question}
              label={t(`evaluation.${question}`)}
              description={t("evaluation.scale")}
              required
              {...form.getInputProps(question)}
            >
              <Group gap="md" mt={6}>
                {SCORES.map((score) => (
                  <Radio key={score} value={score} label={score} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            label={t("evaluation.takeAway")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("takeAway")}
          />
          <Textarea
            label={t("evaluation.suggestion")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("suggestion")}
          />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pending}>
              {t("evaluation.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function EvaluationResults({ eventId }: { eventId: string }) {
  const { t } = useTranslation("events");
  const query = useEvaluations(eventId, true);
  if (!query.data) return null;
  const summary = query.data;
  return (
    <Section id="evaluation-summary" title={t("evaluation.summary")}>
      <Stack gap="sm">
        <Text size="sm">{t("evaluation.responses", { responses: summary.responses, attended: summary.attended })}</Text>
        {summary.responses === 0 && <Text c="dimmed">{t("evaluation.none")}</Text>}
        {summary.responses > 0 && (
          <>
            {(["overall", "usefulness"] as const).map((question) => (
              <Stack key={question} gap={4}>
                <Text fw={500} size="sm">
                  {t(`evaluation.${question}`)} {t("evaluation.mean", { mean: summary[question] })}
                </Text>
                <Table withTableBorder w="auto">
                  <Table.Caption>
                    {t("evaluation.distribution", { question: t(`evaluation.${question}`) })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="row">{t("evaluation.score")}</Table.Th>
                      {SCORES.map((s) => (
                        <Table.Th key={s} scope="col">
                          {s}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th scope="row">{t("evaluation.count")}</Table.Th>
                      {summary[`${question}Counts`].map((n, i) => (
                        <Table.Td key={SCORES[i]}>{n}</Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
            <Answers title={t("evaluation.takeAways")} items={summary.takeAways} />
            <Answers title={t("evaluation.suggestions")} items={summary.suggestions} />
          </>
        )}
      </Stack>
    </Section>
  );
}

function Answers({ title, items }: { title: string; items: string[] }) {
  const { t } = useTranslation("events");
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("evaluation.noAnswers")}
        </Text>
      ) : (
        <Stack component="ul" gap={2} m={0} pl="md" aria-label={title}>
          {items.map((answer, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same answer may be given twice
            <Text component="li" size="sm" key={i}>
              {answer}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

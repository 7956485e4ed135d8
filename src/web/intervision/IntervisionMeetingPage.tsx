import {
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { mayRecordHeld } from "../../domain/held-meetings";
import { METHOD_KEYS } from "../../domain/intervision/methods";
import { api } from "../api";
import { formatDate, formatDateTime } from "../i18n";
import { localParts } from "../meetings/model";
import { Section } from "../meetings/Section";
import { useSession } from "../session";
import { ListTable } from "../shell/ListTable";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { localDateTime } from "../trajectories/date-input";
import { useVersionedForm } from "../versioned-form";
import {
  clock,
  type GroupMeetingDetail,
  groupPath,
  inLanguage,
  intervisionKeys,
  methodName,
  refreshIntervision,
  useGroupMeeting,
} from "./model";
import "./texts";

type Reload = () => Promise<GroupMeetingDetail | undefined>;

/**
 * One intervisie meeting: the method's steps to follow during it, the attendance list each present
 * member confirms for themself, and the notes only members read.
 */
export default function IntervisionMeetingPage() {
  const { t, i18n } = useTranslation("intervision");
  const params = useParams();
  const query = useGroupMeeting(params.groupMeetingId ?? "");
  const reload: Reload = async () => (await query.refetch()).data;
  const back = (
    <BackLink to={groupPath(query.data?.groupId ?? params.groupId ?? "")}>
      {query.data ? t("meeting.back", { name: query.data.groupName }) : t("meeting.backFallback")}
    </BackLink>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("meeting.notFound")} />;
  const meeting = query.data;
  const lang = i18n.language;
  return (
    <Stack gap="md" maw={960}>
      {back}
      <PageTitle>{t("meeting.title", { date: formatDate(meeting.startsAt, lang) })}</PageTitle>
      <Group gap="xs" mt={-8}>
        <Badge variant="light" color={meeting.status === "cancelled" ? "gray" : undefined}>
          {t(`status.${meeting.status}`)}
        </Badge>
      </Group>
      <Facts meeting={meeting} />
      <Steps key={`steps-${meeting.method}`} meeting={meeting} />
      <Attendance key={`attendance-${meeting.id}`} meeting={meeting} onReload={reload} />
      <Notes key={`notes-${meeting.id}`} meeting={meeting} onReload={reload} />
      {meeting.abilities.plan && meeting.status !== "held" && (
        <EditMeeting key={`edit-${meeting.id}`} meeting={meeting} onReload={reload} />
      )}
    </Stack>
  );
}

function when(meeting: GroupMeetingDetail, lang: string) {
  return { date: formatDate(meeting.startsAt, lang), start: clock(meeting.startsAt), end: clock(meeting.endsAt) };
}

function Facts({ meeting }: { meeting: GroupMeetingDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const lang = i18n.language;
  return (
    <Section id="meeting-facts" title={t("meeting.facts")}>
      <Stack gap={4}>
        <Text size="sm">
          {t("meeting.when", when(meeting, lang))} ({t("meeting.minutes", { minutes: meeting.minutes })})
        </Text>
        <Text size="sm">{t("meeting.method", { name: methodName(meeting.method, lang) })}</Text>
        <Text size="sm" fw={500}>
          {meeting.caseBringer
            ? t("meeting.caseBringer", { name: meeting.caseBringer.name })
            : t("meeting.noCaseBringer")}
        </Text>
        {meeting.proposedCaseBringer && meeting.proposedCaseBringer.userId !== meeting.caseBringer?.userId && (
          <Text size="sm" c="dimmed">
            {t("meeting.proposed", { name: meeting.proposedCaseBringer.name })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

/** The method's steps as an ordered list the group walks through, one step marked as the current one. */
function Steps({ meeting }: { meeting: GroupMeetingDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const lang = i18n.language;
  const [current, setCurrent] = useState(0);
  const count = meeting.steps.length;
  const name = methodName(meeting.method, lang);
  return (
    <Section id="meeting-steps" title={t("steps.heading", { method: name.toLowerCase() })}>
      {count === 0 ? (
        <Text size="sm">{t("steps.unknown")}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t("steps.intro")}</Text>
          <Box component="ol" aria-label={t("steps.list")} m={0} pl="lg">
            {meeting.steps.map((step, index) => (
              <Box
                component="li"
                key={step.nl}
                aria-current={index === current ? "step" : undefined}
                py={4}
                px="xs"
                style={
                  index === current
                    ? {
                        fontWeight: 600,
                        background: "var(--mantine-color-blue-light)",
                        borderRadius: "var(--mantine-radius-sm)",
                      }
                    : undefined
                }
              >
                <Text size="sm" fw={index === current ? 600 : undefined}>
                  {inLanguage(step, lang)}
                </Text>
              </Box>
            ))}
          </Box>
          <Text size="sm" aria-live="polite">
            {t("steps.current", { step: current + 1, count })}
          </Text>
          <Group gap="sm">
            <Button variant="default" disabled={current === 0} onClick={() => setCurrent((s) => Math.max(0, s - 1))}>
              {t("steps.previous")}
            </Button>
            <Button
              variant="light"
              disabled={current >= count - 1}
              onClick={() => setCurrent((s) => Math.min(count - 1, s + 1))}
            >
              {t("steps.next")}
            </Button>
          </Group>
        </Stack>
      )}
    </Section>
  );
}

function Attendance({ meeting, onReload }: { meeting: GroupMeetingDetail; onReload: Reload }) {
  const { t, i18n } = useTranslation("intervision");
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const { form, onSubmit, save, pendingIntent, notices } = useVersionedForm({
    row: meeting,
    toForm: (row) => ({ presentIds: row.attendance.filter((line) => line.present).map((line) => line.userId) }),
    version: (row) => row.version,
    reload: onReload,
    save: async (values: { presentIds: string[] }, version, intent: "held" | "confirm") => {
      const saved = await api<GroupMeetingDetail>(
        intent === "held"
          ? `/intervision/meetings/${meeting.id}/held`
          : `/intervision/meetings/${meeting.id}/attendance/confirm`,
        {
          method: "POST",
          body: intent === "held" ? { version, presentIds: values.presentIds } : { userId: me?.userId },
        },
      );
      queryClient.setQueryData(intervisionKeys.meeting(meeting.id), saved);
      await refreshIntervision(queryClient);
      return saved;
    },
    onSaved: (_, intent) => notifySuccess(t(intent === "held" ? "attendance.recorded" : "attendance.confirmed")),
  });
  const busy = pendingIntent ?? null;
  const canRecord = meeting.abilities.record && meeting.status !== "cancelled";
  const times = when(meeting, lang);

  // The signed-in person's own line, when it is theirs to confirm.
  const userId = useSession().data?.user?.id;
  const me = meeting.abilities.confirm ? meeting.attendance.find((line) => line.userId === userId) : undefined;

  return (
    <Section id="meeting-attendance" title={t("attendance.heading")}>
      <Stack gap="md">
        {canRecord && (
          <form noValidate onSubmit={onSubmit("held")}>
            <Stack gap="sm">
              <Checkbox.Group label={t("attendance.record")} {...form.getInputProps("presentIds")}>
                <Stack gap={6} mt="xs">
                  {meeting.members.map((member) => (
                    <Checkbox
                      key={member.userId}
                      value={member.userId}
                      label={t("attendance.present", { name: member.name })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group>
                <Button
                  type="submit"
                  variant={meeting.status === "held" ? "default" : "filled"}
                  loading={busy === "held"}
                >
                  {meeting.status === "held" ? t("attendance.update") : t("attendance.recordHeld")}
                </Button>
              </Group>
              {meeting.status !== "held" && !mayRecordHeld(meeting.startsAt, new Date()) && (
                <Text size="sm" c="dimmed">
                  {t("attendance.afterStart")}
                </Text>
              )}
            </Stack>
          </form>
        )}
        {meeting.status === "held" ? (
          <ListTable
            rows={meeting.attendance}
            rowKey={(line) => line.userId}
            caption={t("attendance.caption", times)}
            captionOnTop
            minWidth={320}
            compact
            columns={[
              { key: "name", header: t("attendance.name"), primary: true, cell: (line) => line.name },
              {
                key: "present",
                header: t("attendance.presentColumn"),
                cell: (line) => (line.present ? t("attendance.yes") : t("attendance.no")),
              },
              {
                key: "confirmed",
                header: t("attendance.confirmedColumn"),
                cell: (line) =>
                  line.confirmedAt
                    ? t("attendance.confirmedAt", { when: formatDateTime(line.confirmedAt, lang) })
                    : line.present
                      ? t("attendance.notConfirmed")
                      : "—",
              },
            ]}
          />
        ) : (
          <Text size="sm">{t("attendance.notRecorded")}</Text>
        )}
        {me && (
          <Stack gap="xs">
            <Text size="sm">{t("attendance.confirmHint", times)}</Text>
            <Group>
              <Button loading={busy === "confirm"} onClick={() => save(form.getValues(), "confirm")}>
                {t("attendance.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
        <VersionNotices {...notices} />
      </Stack>
    </Section>
  );
}

function Notes({ meeting, onReload }: { meeting: GroupMeetingDetail; onReload: Reload }) {
  const { t } = useTranslation("intervision");
  const queryClient = useQueryClient();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: meeting,
    toForm: (row) => ({ notes: row.notes ?? "" }),
    version: (row) => row.version,
    reload: onReload,
    save: async (values, version) => {
      const saved = await api<GroupMeetingDetail>(`/intervision/meetings/${meeting.id}/notes`, {
        method: "PUT",
        body: { version, notes: values.notes.trim() ? values.notes : null },
      });
      queryClient.setQueryData(intervisionKeys.meeting(meeting.id), saved);
      return saved;
    },
    onSaved: () => notifySuccess(t("notes.saved")),
  });

  if (!meeting.abilities.notes)
    return (
      <Section id="meeting-notes" title={t("notes.heading")}>
        <Text size="sm">{t("notes.membersOnly")}</Text>
      </Section>
    );

  return (
    <Section id="meeting-notes" title={t("notes.heading")}>
      <form noValidate onSubmit={onSubmit()}>
        <Stack gap="sm">
          <Textarea
            label={t("notes.label")}
            description={t("notes.hint")}
            autosize
            minRows={4}
            maxRows={20}
            maxLength={20_000}
            {...form.getInputProps("notes")}
          />
          <VersionNotices {...notices} />
          <Group>
            <Button type="submit" loading={pending}>
              {t("notes.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

interface EditValues extends Record<string, unknown> {
  date: string;
  start: string;
  end: string;
  method: string;
  caseBringerId: string;
  status: "planned" | "cancelled";
}

function EditMeeting({ meeting, onReload }: { meeting: GroupMeetingDetail; onReload: Reload }) {
  const { t, i18n } = useTranslation("intervision");
  const queryClient = useQueryClient();
  const toForm = (m: GroupMeetingDetail): EditValues => ({
    date: localParts(m.startsAt).date,
    start: localParts(m.startsAt).time,
    end: localParts(m.endsAt).time,
    method: m.method,
    caseBringerId: m.caseBringer?.userId ?? "",
    status: m.status === "cancelled" ? "cancelled" : "planned",
  });
  const { form, save, pending, notices } = useVersionedForm({
    row: meeting,
    toForm,
    version: (row) => row.version,
    reload: onReload,
    save: async (values: EditValues, version) => {
      const saved = await api<GroupMeetingDetail>(`/intervision/meetings/${meeting.id}`, {
        method: "PUT",
        body: {
          version,
          startsAt: localDateTime(values.date, values.start),
          endsAt: localDateTime(values.date, values.end),
          method: values.method,
          caseBringerId: values.caseBringerId || null,
          status: values.status,
        },
      }).catch((error) => {
        if (error?.problem?.errors?.endsAt) error.problem.errors = { end: error.problem.errors.endsAt };
        throw error;
      });
      queryClient.setQueryData(intervisionKeys.meeting(meeting.id), saved);
      await refreshIntervision(queryClient);
      return saved;
    },
    onSaved: () => notifySuccess(t("meeting.saved")),
  });

  function submit(values: EditValues) {
    const startsAt = localDateTime(values.date, values.start);
    const endsAt = localDateTime(values.date, values.end);
    if (!startsAt || !endsAt) {
      form.setErrors({
        ...(startsAt ? {} : { date: t("plan.invalidTime") }),
        ...(endsAt ? {} : { end: t("plan.invalidTime") }),
      });
      return;
    }
    return save(values);
  }

  return (
    <Section id="meeting-edit" title={t("meeting.edit")}>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput type="date" label={t("plan.date")} required {...form.getInputProps("date")} />
            <TextInput type="time" label={t("plan.start")} required {...form.getInputProps("start")} />
            <TextInput type="time" label={t("plan.end")} required {...form.getInputProps("end")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NativeSelect
              label={t("plan.method")}
              data={METHOD_KEYS.map((key) => ({ value: key, label: methodName(key, i18n.language) }))}
              {...form.getInputProps("method")}
            />
            <NativeSelect
              label={t("plan.caseBringer")}
              data={[
                { value: "", label: t("plan.none") },
                ...meeting.members.map((m) => ({ value: m.userId, label: m.name })),
              ]}
              {...form.getInputProps("caseBringerId")}
            />
            <NativeSelect
              label={t("meeting.status")}
              data={[
                { value: "planned", label: t("meeting.statusPlanned") },
                { value: "cancelled", label: t("meeting.statusCancelled") },
              ]}
              {...form.getInputProps("status")}
            />
          </SimpleGrid>
          <VersionNotices {...notices} />
          <Group>
            <Button type="submit" variant="default" loading={pending}>
              {t("meeting.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

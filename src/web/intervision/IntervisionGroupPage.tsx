import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { METHOD_KEYS, methodOf } from "../../domain/intervision/methods";
import type { GroupWarning } from "../../domain/intervision/norms";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDate, formatDateTime } from "../i18n";
import { Section } from "../meetings/Section";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { localDateTime } from "../trajectories/date-input";
import { useVersionedForm } from "../versioned-form";
import { GroupFields, type GroupFormValues, groupBody } from "./GroupForm";
import {
  addMinutes,
  clock,
  type GroupDetail,
  type GroupMeetingDetail,
  hours,
  inLanguage,
  meetingPath,
  methodName,
  refreshIntervision,
  useCandidates,
  useGroup,
} from "./model";
import "./texts";

/** One intervisie group: its warnings, members, rhythm and method, the rotation's proposal and its meetings. */
export default function IntervisionGroupPage() {
  const { t } = useTranslation("intervision");
  const groupId = useParams().groupId ?? "";
  const query = useGroup(groupId);
  const back = <BackLink to="/intervisie">{t("group.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("group.notFound")} />;
  const group = query.data;
  return (
    <Stack gap="md" maw={960}>
      {back}
      <PageTitle>{group.name}</PageTitle>
      {group.archived && (
        <Badge variant="outline" color="gray.8" mt={-8}>
          {t("list.archived")}
        </Badge>
      )}
      <Warnings warnings={group.warnings} />
      <About group={group} />
      <Members group={group} />
      <Meetings group={group} />
      {group.abilities.plan && <PlanMeeting key={`plan-${group.meetings.length}`} group={group} />}
      {group.abilities.manage && <Settings key={`settings-${group.version}`} group={group} onReload={query.refetch} />}
    </Stack>
  );
}

function Warnings({ warnings }: { warnings: GroupWarning[] }) {
  const { t } = useTranslation("intervision");
  if (!warnings.length) return null;
  return (
    <Stack gap="xs">
      {warnings.map((warning) => (
        <Alert
          key={warning.kind === "authority" ? `${warning.managerUserId}-${warning.reportUserId}` : warning.kind}
          color="orange"
          title={t("warnings.heading")}
          styles={{ title: { color: "var(--mantine-color-text)" } }}
        >
          {warning.kind === "authority"
            ? t("warnings.authority", { manager: warning.manager, report: warning.report })
            : t(`warnings.${warning.kind}`, { count: warning.count })}
        </Alert>
      ))}
    </Stack>
  );
}

function About({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const lang = i18n.language;
  const method = methodOf(group.method);
  return (
    <Section id="group-about" title={t("group.about")}>
      <Stack gap={6}>
        {group.description && <Text size="sm">{group.description}</Text>}
        <Text size="sm">{t("group.method", { name: methodName(group.method, lang) })}</Text>
        {method && (
          <Text size="sm" c="dimmed">
            {inLanguage(method.description, lang)}
          </Text>
        )}
        <Text size="sm">{t("group.rhythm", { count: group.rhythmWeeks, minutes: group.meetingMinutes })}</Text>
        <Text size="sm" fw={500}>
          {group.proposal.caseBringer
            ? t("group.nextBringer", { name: group.proposal.caseBringer.name })
            : t("group.noBringer")}
        </Text>
        <Text size="sm">
          {t("group.nextDates", {
            dates: group.proposal.dates.map((d) => formatDate(`${d}T12:00:00`, lang)).join(", "),
          })}
        </Text>
        {group.archived && <Text size="sm">{t("group.archived")}</Text>}
      </Stack>
    </Section>
  );
}

function Members({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const queryClient = useQueryClient();
  const manage = group.abilities.manage && !group.archived;
  const candidates = useCandidates(manage);
  const form = useForm({ initialValues: { userId: "" } });
  const { run, formError, pendingKey: busy } = useApiSubmit(form);
  const memberIds = new Set(group.members.map((m) => m.userId));
  const choices = (candidates.data ?? []).filter((c) => !memberIds.has(c.userId));

  async function change(path: "members" | "members/remove", userId: string, done: string) {
    const ok = await run(async () => {
      const saved = await api<GroupDetail>(`/intervision/groups/${group.id}/${path}`, {
        method: "POST",
        body: { userId },
      });
      queryClient.setQueryData(["intervision", "group", group.id], saved);
      await refreshIntervision(queryClient);
    }, userId);
    if (ok) {
      notifySuccess(done);
      if (path === "members") form.setValues({ userId: "" });
    }
  }

  return (
    <Section id="group-members" title={t("members.heading")}>
      <Stack gap="sm">
        {group.members.length === 0 && <Text size="sm">{t("members.none")}</Text>}
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
          {group.members.map((member) => (
            <Group component="li" key={member.userId} justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text size="sm" fw={500}>
                  {member.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("members.hours", { hours: hours(member.minutes, i18n.language) })}
                </Text>
              </div>
              {manage && (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t("members.remove", { name: member.name })}
                  loading={busy === member.userId}
                  onClick={() => change("members/remove", member.userId, t("members.removed", { name: member.name }))}
                >
                  {t("members.removeLabel")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        {manage && (
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              const name = choices.find((c) => c.userId === values.userId)?.name ?? "";
              if (!values.userId) {
                form.setFieldError("userId", t("members.choose"));
                return;
              }
              return change("members", values.userId, t("members.added", { name }));
            })}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t("members.candidate")}
                data={[
                  { value: "", label: t("members.choose") },
                  ...choices.map((c) => ({ value: c.userId, label: c.name })),
                ]}
                style={{ flex: "1 1 14rem" }}
                {...form.getInputProps("userId")}
              />
              <Button type="submit" variant="light" loading={busy !== undefined && busy === form.values.userId}>
                {t("members.add")}
              </Button>
            </Group>
          </form>
        )}
        <FormError message={formError} />
      </Stack>
    </Section>
  );
}

function Meetings({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const lang = i18n.language;
  return (
    <Section id="group-meetings" title={t("meetings.heading")}>
      {group.meetings.length === 0 ? (
        <Text size="sm">{t("meetings.empty")}</Text>
      ) : (
        <Stack component="ul" aria-label={t("meetings.caption")} gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {[...group.meetings].reverse().map((meeting) => (
            <Paper component="li" key={meeting.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={meetingPath(group.id, meeting.id)} fw={500}>
                  {t("meetings.open", { date: formatDateTime(meeting.startsAt, lang) })}
                </Anchor>
                <Badge variant="light" color={meeting.status === "cancelled" ? "gray" : undefined}>
                  {t(`status.${meeting.status}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {clock(meeting.startsAt)}–{clock(meeting.endsAt)} · {methodName(meeting.method, lang)} ·{" "}
                {t("meetings.caseBringer")}: {meeting.caseBringer?.name ?? t("meetings.noBringer")}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

interface PlanValues extends Record<string, unknown> {
  date: string;
  start: string;
  end: string;
  method: string;
  caseBringerId: string;
}

function PlanMeeting({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation("intervision");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const proposed = group.proposal.caseBringer;
  const form = useForm<PlanValues>({
    initialValues: {
      date: group.proposal.dates[0] ?? "",
      start: "13:30",
      end: addMinutes("13:30", group.meetingMinutes),
      method: group.method,
      caseBringerId: proposed?.userId ?? "",
    },
  });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: PlanValues) {
    const startsAt = localDateTime(values.date, values.start);
    const endsAt = localDateTime(values.date, values.end);
    if (!startsAt || !endsAt) {
      form.setErrors({
        ...(startsAt ? {} : { date: t("plan.invalidTime") }),
        ...(endsAt ? {} : { end: t("plan.invalidTime") }),
      });
      return;
    }
    await run(async () => {
      const planned = await api<GroupMeetingDetail>(`/intervision/groups/${group.id}/meetings`, {
        method: "POST",
        body: { startsAt, endsAt, method: values.method, caseBringerId: values.caseBringerId || null },
      }).catch((error) => {
        // The server names the end time endsAt; the form calls it end.
        if (error?.problem?.errors?.endsAt) error.problem.errors = { end: error.problem.errors.endsAt };
        throw error;
      });
      await refreshIntervision(queryClient);
      notifySuccess(t("plan.planned"));
      navigate(meetingPath(group.id, planned.id));
    });
  }

  return (
    <Section id="group-plan" title={t("plan.heading")}>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput type="date" label={t("plan.date")} required {...form.getInputProps("date")} />
            <TextInput
              type="time"
              label={t("plan.start")}
              required
              {...form.getInputProps("start")}
              onChange={(event) => {
                const start = event.currentTarget.value;
                form.setValues({
                  start,
                  end: /^\d{2}:\d{2}$/.test(start) ? addMinutes(start, group.meetingMinutes) : form.values.end,
                });
              }}
            />
            <TextInput type="time" label={t("plan.end")} required {...form.getInputProps("end")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t("plan.method")}
              data={METHOD_KEYS.map((key) => ({ value: key, label: methodName(key, i18n.language) }))}
              {...form.getInputProps("method")}
            />
            <NativeSelect
              label={t("plan.caseBringer")}
              data={[
                { value: "", label: t("plan.none") },
                ...group.members.map((m) => ({
                  value: m.userId,
                  label: m.userId === proposed?.userId ? t("plan.proposed", { name: m.name }) : m.name,
                })),
              ]}
              {...form.getInputProps("caseBringerId")}
            />
          </SimpleGrid>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pending}>
              {t("plan.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Settings({ group, onReload }: { group: GroupDetail; onReload: () => Promise<{ data?: GroupDetail }> }) {
  const { t } = useTranslation("intervision");
  const queryClient = useQueryClient();
  const toForm = (g: GroupDetail): GroupFormValues => ({
    name: g.name,
    description: g.description ?? "",
    rhythmWeeks: g.rhythmWeeks,
    meetingMinutes: g.meetingMinutes,
    method: g.method,
  });
  const [confirming, setConfirming] = useState(false);
  const { form, onSubmit, save, pendingIntent, notices } = useVersionedForm({
    row: group,
    toForm,
    version: (row) => row.version,
    reload: async () => (await onReload()).data,
    save: async (values: GroupFormValues, version, intent: "save" | "archive") => {
      if (intent === "archive") {
        await api(`/intervision/groups/${group.id}/archive`, { method: "POST", body: { version } });
        await refreshIntervision(queryClient);
        return;
      }
      const saved = await api<GroupDetail>(`/intervision/groups/${group.id}`, {
        method: "PUT",
        body: { ...groupBody(values), version },
      });
      queryClient.setQueryData(["intervision", "group", group.id], saved);
      await refreshIntervision(queryClient);
      return saved;
    },
    onSaved: (_, intent) => notifySuccess(t(intent === "archive" ? "group.archivedDone" : "form.saved")),
  });

  async function doArchive() {
    await save(form.getValues(), "archive");
    setConfirming(false);
  }

  return (
    <Section id="group-settings" title={t("form.settingsHeading")}>
      <form noValidate onSubmit={onSubmit("save")}>
        <Stack gap="sm">
          <GroupFields form={form} />
          <VersionNotices {...notices} />
          <Group gap="sm">
            <Button type="submit" loading={pendingIntent === "save"}>
              {t("form.save")}
            </Button>
            {!group.archived && (
              <Button variant="default" onClick={() => setConfirming(true)}>
                {t("group.archive")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("group.archive")}
        text={t("group.archiveConfirm")}
        confirmLabel={t("group.archive")}
        onConfirm={doArchive}
      />
    </Section>
  );
}

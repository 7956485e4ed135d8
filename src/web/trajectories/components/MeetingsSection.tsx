import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingDetail } from "../../../domain/trajectories/api";
import { meetingType } from "../../../domain/trajectories/evaluate";
import { api } from "../../api";
import { useApiSubmit } from "../../forms";
import { formatDateTime } from "../../i18n";
import { useRegimeText } from "../../i18n/regime-text";
import { FormError } from "../../shell/FormError";
import { ListTable } from "../../shell/ListTable";
import { notifySuccess } from "../../shell/notify";
import { laterDate, localDateTime, todayIso } from "../date-input";
import { meetingPath } from "../format";
import { type TrajectoryDetail, trajectoryApi, trajectoryKeys } from "../model";
import { renameFields } from "./errors";
import { Tag } from "./Tag";
import "../texts";

const statusColors = { planned: "blue", held: "green", cancelled: "gray" } as const;

type Progress = TrajectoryDetail["progress"][number];

/** Above the maximum (a warning, not a refusal), or enough held for the regime's minimum. */
function ProgressTags({ progress: p }: { progress: Progress }) {
  const { t } = useTranslation("trajectories");
  if (p.overMax)
    return (
      <Tag color="orange" size="sm">
        {t("meetings.aboveMax")}
      </Tag>
    );
  if (p.missing === 0 && p.min > 0)
    return (
      <Tag color="green" size="sm">
        {t("meetings.enough")}
      </Tag>
    );
  return null;
}

/** Meetings: how far each kind is against the regime's numbers, every meeting, and planning one. */
export function MeetingsSection({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { meetingTypeLabel } = useRegimeText();
  const { regime } = detail;
  const meetings = [...(detail.meetings ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const over = detail.progress.filter((p) => p.overMax);
  const agreed = (p: Progress) =>
    p.min === 0
      ? p.max === null
        ? t("meetings.asNeeded")
        : t("meetings.atMost", { max: p.max })
      : p.max === null
        ? t("meetings.atLeast", { min: p.min })
        : p.min === p.max
          ? String(p.min)
          : t("meetings.range", { min: p.min, max: p.max });

  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="meetings-progress">
        <Title order={3} size="h4" id="meetings-progress">
          {t("meetings.progress")}
        </Title>
        {over.map((p) => (
          <Alert key={p.type} color="orange" variant="light" styles={{ title: { color: "var(--mantine-color-text)" } }}>
            {t("meetings.overMax", {
              type: meetingTypeLabel(regime, p.type).toLowerCase(),
              max: p.max ?? 0,
              held: p.held,
            })}
          </Alert>
        ))}
        {/* On a phone a line per kind of meeting; from tablet width on, the table. */}
        <ListTable
          rows={detail.progress}
          rowKey={(p) => p.type}
          labelledBy="meetings-progress"
          minWidth={480}
          compact
          columns={[
            { key: "type", header: t("meetings.type"), primary: true, cell: (p) => meetingTypeLabel(regime, p.type) },
            {
              key: "held",
              header: t("meetings.held"),
              cell: (p) => (
                <Group gap={6}>
                  <span>{p.held}</span>
                  <ProgressTags progress={p} />
                </Group>
              ),
            },
            { key: "planned", header: t("meetings.planned"), cell: (p) => p.planned },
            { key: "required", header: t("meetings.required"), cell: agreed },
          ]}
          cards={{
            body: (p) => (
              <>
                <Text size="sm">
                  {t("meetings.progressLine", { held: p.held, planned: p.planned, agreed: agreed(p) })}
                </Text>
                <ProgressTags progress={p} />
              </>
            ),
          }}
        />
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="meetings-all">
        <Title order={3} size="h4" id="meetings-all">
          {t("meetings.all")}
        </Title>
        {meetings.length === 0 && <Text size="sm">{t("meetings.empty")}</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-labelledby="meetings-all">
          {meetings.map((m) => (
            <Paper component="li" key={m.id} withBorder p="sm" radius="sm">
              <Anchor component={Link} to={meetingPath(detail.id, m.id)} fw={500}>
                {t("meetings.linkText", {
                  type: meetingTypeLabel(regime, m.type),
                  when: formatDateTime(m.startsAt, lang),
                })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t("meetings.minutes", { count: m.durationMinutes })}
                {m.location ? ` · ${m.location}` : ""}
              </Text>
              <Group gap={6} mt={6}>
                <Tag color={statusColors[m.status]} size="sm">
                  {t(`meetings.status.${m.status}`)}
                </Tag>
                {m.unannounced && (
                  <Tag color="orange" size="sm">
                    {t("meetings.unannounced")}
                  </Tag>
                )}
                {m.selfAssessed && (
                  <Tag color="teal" size="sm">
                    {t("meetings.selfAssessed")}
                  </Tag>
                )}
                {m.feedbackShared && (
                  <Tag color="violet" size="sm">
                    {t("meetings.feedbackShared")}
                  </Tag>
                )}
                {m.feedbackUnseen && (
                  <Tag color="red" size="sm">
                    {t("meetings.feedbackUnseen")}
                  </Tag>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>

      {detail.abilities.planMeetings && <PlanMeeting detail={detail} />}
    </Stack>
  );
}

interface MeetingValues extends Record<string, unknown> {
  type: string;
  date: string;
  time: string;
  durationMinutes: number | string;
  unannounced: boolean;
  location: string;
}

/** One meeting: its kind, when, how long; unannounced only where the kind allows it. */
function PlanMeeting({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text, meetingTypeLabel } = useRegimeText();
  const queryClient = useQueryClient();
  const { regime } = detail;
  const first = regime.meetingTypes[0];
  const form = useForm<MeetingValues>({
    initialValues: {
      type: first?.key ?? "",
      date: laterDate(detail.startsOn, todayIso()),
      time: "09:00",
      durationMinutes: first?.defaultMinutes ?? 60,
      unannounced: false,
      location: "",
    },
    validate: {
      date: (v) => (v ? null : t("validation.required")),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t("validation.required")),
      durationMinutes: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 1440 && v !== ""
          ? null
          : t("validation.wholeNumber", { min: 1, max: 1440 }),
    },
  });
  const { run, formError } = useApiSubmit(form);
  const type = meetingType(regime, form.values.type);
  const progress = detail.progress.find((p) => p.type === form.values.type);

  const submit = form.onSubmit((values) =>
    run(async () => {
      const startsAt = localDateTime(values.date, values.time);
      if (!startsAt) {
        form.setFieldError("date", t("validation.required"));
        return;
      }
      try {
        await api<MeetingDetail>(`${trajectoryApi(detail.id)}/meetings`, {
          body: {
            type: values.type,
            startsAt,
            durationMinutes: Number(values.durationMinutes),
            unannounced: type?.mayBeUnannounced ? values.unannounced : false,
            location: values.location.trim() || null,
          },
        });
      } catch (error) {
        throw renameFields(error, { startsAt: "date" });
      }
      await queryClient.invalidateQueries({ queryKey: trajectoryKeys.detail(detail.id) });
      await queryClient.invalidateQueries({ queryKey: ["trajectories", "list"] });
      await queryClient.invalidateQueries({ queryKey: trajectoryKeys.due });
      notifySuccess(
        t("meetings.plannedNotice", {
          type: meetingTypeLabel(regime, values.type),
          when: formatDateTime(startsAt, lang),
        }),
      );
      form.setValues({ location: "", unannounced: false });
    }),
  );

  return (
    <Card withBorder component="section" aria-labelledby="meetings-plan">
      <Title order={3} size="h4" id="meetings-plan" mb="sm">
        {t("meetings.plan")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={formError} />
          <NativeSelect
            label={t("meetings.type")}
            data={regime.meetingTypes.map((m) => ({ value: m.key, label: text(m.label) }))}
            {...form.getInputProps("type")}
            onChange={(event) => {
              const next = meetingType(regime, event.currentTarget.value);
              form.setValues({
                type: event.currentTarget.value,
                durationMinutes: next?.defaultMinutes ?? form.values.durationMinutes,
                unannounced: next?.mayBeUnannounced ? form.values.unannounced : false,
              });
            }}
          />
          {progress?.atMax && progress.max !== null && (
            <Alert color="orange" variant="light">
              {t("meetings.atMaxWarning", {
                type: meetingTypeLabel(regime, form.values.type).toLowerCase(),
                number: progress.held + progress.planned,
                max: progress.max,
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t("meetings.date")}
              withAsterisk
              min={detail.startsOn}
              max={detail.endsOn}
              {...form.getInputProps("date")}
            />
            <TextInput type="time" label={t("meetings.time")} withAsterisk {...form.getInputProps("time")} />
            <NumberInput
              label={t("meetings.duration")}
              min={1}
              max={1440}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("durationMinutes")}
            />
          </SimpleGrid>
          <TextInput label={t("meetings.location")} maxLength={300} {...form.getInputProps("location")} />
          {type?.mayBeUnannounced && (
            <Checkbox
              label={t("meetings.unannouncedField")}
              description={t("meetings.unannouncedHint")}
              {...form.getInputProps("unannounced", { type: "checkbox" })}
            />
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("meetings.planSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

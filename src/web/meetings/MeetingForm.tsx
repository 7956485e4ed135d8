import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { mayRecordHeld } from "../../domain/held-meetings";
import type { ObservationForm } from "../../domain/regimes/schema";
import { meetingType } from "../../domain/trajectories/evaluate";
import { MEETING_MODES, MEETING_STATUSES } from "../../domain/trajectories/model";
import { api } from "../api";
import { useRegimeText } from "../i18n/regime-text";
import { notifySuccess } from "../shell/notify";
import { VersionNotices } from "../shell/VersionNotices";
import { renameFields } from "../trajectories/components/errors";
import { localDateTime } from "../trajectories/date-input";
import { useVersionedForm } from "../versioned-form";
import { ChoiceFieldset } from "./ChoiceFieldset";
import {
  afterMeetingChange,
  MEETING_FIELD_NAMES,
  type MeetingDetail,
  type MeetingFormValues,
  meetingBody,
  meetingToForm,
} from "./model";
import { Section } from "./Section";
import { groupItems, scaleOptions } from "./scale";
import "./texts";

/**
 * The guide records the meeting: when and how long, the minutes of preparation and travel,
 * whether it was held, the observation and the notes; all saved at once, with the version read.
 */
export function MeetingForm({
  meeting,
  observationForm,
  onReload,
}: {
  meeting: MeetingDetail;
  observationForm: ObservationForm | undefined;
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { form, onSubmit, save, pendingIntent, notices } = useVersionedForm({
    row: meeting,
    toForm: (row) => meetingToForm(row, observationForm),
    version: (row) => row.version,
    reload: onReload,
    save: (values: MeetingFormValues, version, held: boolean) =>
      api<MeetingDetail>(`/meetings/${meeting.id}`, {
        method: "PUT",
        body: { ...meetingBody(held ? { ...values, status: "held" } : values, meeting), version },
      }).catch((error) => {
        throw renameFields(error, MEETING_FIELD_NAMES);
      }),
    onSaved: async (saved, held) => {
      if (saved) await afterMeetingChange(queryClient, saved);
      notifySuccess(t(held ? "details.recorded" : "details.saved"));
    },
  });
  const saving = pendingIntent === undefined ? null : pendingIntent ? "held" : "save";
  const type = meetingType(meeting.regime, meeting.type);
  // Only a guide records a meeting as held; an admin may plan, move or cancel it.
  const recorder = meeting.viewerRoles.includes("guide");
  const statuses = MEETING_STATUSES.filter((status) => recorder || status !== "held" || meeting.status === "held");
  // The same rule as the server's: held only once it has started (a few minutes' slack).
  const startsAt = localDateTime(form.values.date, form.values.time);
  const notStartedYet = startsAt !== null && !mayRecordHeld(startsAt, new Date());

  const minutes = (field: "durationMinutes" | "preparationMinutes" | "travelMinutes", label: string, min: number) => (
    <NumberInput
      label={label}
      min={min}
      max={1440}
      allowDecimal={false}
      allowNegative={false}
      required
      {...form.getInputProps(field)}
    />
  );

  return (
    <form noValidate onSubmit={onSubmit(false)}>
      <Stack gap="md">
        <Section id="meeting-details" title={t("details.heading")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput type="date" label={t("details.date")} required {...form.getInputProps("date")} />
              <TextInput type="time" label={t("details.time")} required {...form.getInputProps("time")} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {minutes("durationMinutes", t("details.duration"), 1)}
              {minutes("preparationMinutes", t("details.preparation"), 0)}
              {minutes("travelMinutes", t("details.travel"), 0)}
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={-6}>
              {t("details.minutesHint")}
            </Text>
            <TextInput label={t("details.location")} maxLength={300} {...form.getInputProps("location")} />
            {meeting.regime.evidence && (
              <NativeSelect
                label={t("details.mode")}
                description={t("details.modeHint")}
                data={[
                  { value: "", label: tc("meetingModes.notRecorded") },
                  ...MEETING_MODES.map((mode) => ({ value: mode, label: tc(`meetingModes.${mode}`) })),
                ]}
                {...form.getInputProps("mode")}
              />
            )}
            {(type?.mayBeUnannounced || form.values.unannounced) && (
              <Checkbox
                label={t("details.unannounced")}
                description={t("details.unannouncedHint")}
                {...form.getInputProps("unannounced", { type: "checkbox" })}
              />
            )}
            <ChoiceFieldset
              legend={t("details.status")}
              layout="row"
              options={statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
              value={form.values.status}
              onChange={(value) => form.setFieldValue("status", value as MeetingFormValues["status"])}
              error={form.errors.status as string | undefined}
            />
          </Stack>
        </Section>

        {recorder && observationForm && <ObservationFields form={form} observationForm={observationForm} />}

        {recorder ? (
          <Section id="meeting-notes" title={t("notes.heading")}>
            <Stack gap="sm">
              <Textarea label={t("notes.label")} autosize minRows={4} maxRows={20} {...form.getInputProps("notes")} />
              <Checkbox label={t("notes.confidential")} {...form.getInputProps("confidential", { type: "checkbox" })} />
            </Stack>
          </Section>
        ) : (
          <Text size="sm">{t("notes.guideOnly")}</Text>
        )}

        <VersionNotices {...notices} />
        <Group gap="sm">
          <Button type="submit" loading={saving === "save"} disabled={saving !== null}>
            {t("details.save")}
          </Button>
          {recorder && meeting.status !== "held" && (
            <Button
              variant="light"
              loading={saving === "held"}
              disabled={saving !== null}
              onClick={() => save(form.getValues(), true)}
            >
              {t("details.recordHeld")}
            </Button>
          )}
        </Group>
        {recorder && meeting.status !== "held" && notStartedYet && (
          <Text size="sm" c="dimmed">
            {t("details.heldAfterStart")}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Per item of the meeting type's observation form: a score on its scale and a note, in the form's groups. */
function ObservationFields({
  form,
  observationForm,
}: {
  form: UseFormReturnType<MeetingFormValues>;
  observationForm: ObservationForm;
}) {
  const { t } = useTranslation("meetings");
  const { text, locale } = useRegimeText();
  const options = scaleOptions(observationForm.scale, locale);
  return (
    <Section id="meeting-observation" title={t("observation.heading", { name: text(observationForm.name) })}>
      <Text size="sm" mb="sm">
        {t("observation.intro")}
      </Text>
      <Stack gap="md">
        {groupItems(observationForm.items).map((run) => (
          <Stack gap="sm" key={run.items[0]?.key}>
            {run.group && (
              <Title order={4} size="h5">
                {text(run.group)}
              </Title>
            )}
            {run.items.map((item) => {
              const path = `observation.${item.key}`;
              return (
                <Paper withBorder p="sm" key={item.key}>
                  <Stack gap="xs">
                    <ChoiceFieldset
                      legend={text(item.label)}
                      options={options}
                      noneLabel={t("observation.none")}
                      value={form.values.observation[item.key]?.score ?? ""}
                      onChange={(value) => form.setFieldValue(`${path}.score`, value)}
                      error={(form.errors[`${path}.score`] ?? form.errors[path]) as string | undefined}
                    />
                    <Textarea
                      label={t("observation.noteFor", { item: text(item.label) })}
                      autosize
                      minRows={2}
                      maxRows={10}
                      {...form.getInputProps(`${path}.note`)}
                    />
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

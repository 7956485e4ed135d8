import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import { GoalRatingFieldset, orderedGoals, RatedGoal, useGoalName } from "./goals";
import {
  afterMeetingChange,
  type MeetingDetail,
  type SelfAssessmentFormValues,
  selfAssessmentBody,
  selfAssessmentToForm,
} from "./model";
import { Section } from "./Section";
import { scaleOptions } from "./scale";
import "./texts";

/**
 * The trainee rates themself on each goal before the meeting; once it is held the
 * self-assessment is fixed. The guides read it, to prepare the conversation.
 */
export function SelfAssessmentSection({
  meeting,
  onReload,
}: {
  meeting: MeetingDetail;
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t, i18n } = useTranslation("meetings");
  const open = meeting.abilities.selfAssess && meeting.status === "planned";
  // The trainee's own words are "you"; once the meeting is held they can no longer assess.
  const own = meeting.viewerRoles.includes("trainee");
  const assessment = meeting.selfAssessment;
  return (
    <Section id="meeting-self-assessment" title={t("selfAssessment.heading")}>
      {open ? (
        <SelfAssessmentForm meeting={meeting} onReload={onReload} />
      ) : assessment ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("selfAssessment.submittedAt", { date: formatDateTime(assessment.submittedAt, i18n.language) })}
            {own && meeting.status === "held" && ` ${t("selfAssessment.closed")}`}
          </Text>
          <SelfAssessmentView meeting={meeting} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {own ? t("selfAssessment.noneOwn") : t("selfAssessment.none")}
        </Text>
      )}
    </Section>
  );
}

function SelfAssessmentForm({
  meeting,
  onReload,
}: {
  meeting: MeetingDetail;
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t, i18n } = useTranslation("meetings");
  const { locale } = useRegimeText();
  const goalName = useGoalName();
  const queryClient = useQueryClient();
  const goals = orderedGoals(meeting.goals);
  const startFrom = (detail: MeetingDetail) =>
    selfAssessmentToForm(orderedGoals(detail.goals), detail.selfAssessment?.content ?? null);
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: meeting,
    toForm: startFrom,
    version: (row) => row.selfAssessment?.version ?? null,
    reload: onReload,
    save: (values: SelfAssessmentFormValues, version) =>
      api<MeetingDetail>(`/meetings/${meeting.id}/self-assessment`, {
        method: "PUT",
        body: selfAssessmentBody(values, version),
      }),
    onSaved: async (saved) => {
      if (saved) await afterMeetingChange(queryClient, saved);
      notifySuccess(t("selfAssessment.saved"));
    },
  });
  const options = scaleOptions(meeting.regime.goals.ratingScale, locale);

  if (goals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("goals.none")}
      </Text>
    );

  return (
    <form noValidate onSubmit={onSubmit()}>
      <Stack gap="md">
        <Text size="sm">{t("selfAssessment.intro")}</Text>
        {meeting.selfAssessment && (
          <Text size="sm" c="dimmed">
            {t("selfAssessment.submittedAt", {
              date: formatDateTime(meeting.selfAssessment.submittedAt, i18n.language),
            })}
          </Text>
        )}
        {form.values.content.goals.map((row, index) => {
          const path = `content.goals.${index}`;
          return (
            <GoalRatingFieldset
              key={row.goalId}
              legend={goalName(goals, row.goalId)}
              goal={goals.find((g) => g.id === row.goalId)}
              options={options}
              rating={row.rating}
              onRate={(value) => form.setFieldValue(`${path}.rating`, value)}
              error={(form.errors[`${path}.rating`] ?? form.errors[path]) as string | undefined}
            >
              <Textarea
                label={t("selfAssessment.note")}
                autosize
                minRows={2}
                maxRows={12}
                {...form.getInputProps(`${path}.note`)}
              />
            </GoalRatingFieldset>
          );
        })}
        {typeof form.errors.content === "string" && <FormError message={form.errors.content} />}
        <VersionNotices {...notices} />
        <Group>
          <Button type="submit" loading={pending}>
            {t("selfAssessment.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SelfAssessmentView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const goalName = useGoalName();
  const goals = orderedGoals(meeting.goals);
  const scale = meeting.regime.goals.ratingScale;
  const rows = meeting.selfAssessment?.content.goals ?? [];
  return (
    <Stack gap="sm">
      {rows.map((row) => (
        <RatedGoal
          key={row.goalId}
          name={goalName(goals, row.goalId)}
          rating={row.rating}
          scale={scale}
          notes={[{ label: t("selfAssessment.note"), text: row.note }]}
        />
      ))}
    </Stack>
  );
}

import {
  Accordion,
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FeedbackContent } from "../../domain/trajectories/model";
import { ApiError, api } from "../api";
import { useAction } from "../forms";
import { formatDate, formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import { GoalRatingFieldset, orderedGoals, RatedGoal, useGoalName } from "./goals";
import {
  afterMeetingChange,
  type FeedbackFormValues,
  type FeedbackRecordView,
  feedbackBody,
  feedbackState,
  feedbackToForm,
  type MeetingDetail,
  withoutEmptyAgreements,
} from "./model";
import { Section } from "./Section";
import { scaleOptions } from "./scale";
import "./texts";

/**
 * Feedback after a meeting. The guide writes a draft and shares it; a shared record is never
 * changed again, a correction is a new version with a reason. The trainee reads the shared
 * versions and marks each one seen.
 */
export function FeedbackSection({
  meeting,
  onReload,
}: {
  meeting: MeetingDetail;
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t } = useTranslation("meetings");
  const [correcting, setCorrecting] = useState(false);
  if (meeting.feedback === null) {
    return (
      <Section id="meeting-feedback" title={t("feedback.heading")}>
        <Text size="sm">{t("feedback.hidden")}</Text>
      </Section>
    );
  }
  const { draft, shared, latestShared } = feedbackState(meeting.feedback);
  const writer = meeting.abilities.writeFeedback;
  const editing = writer && (draft !== null || latestShared === null || correcting);

  return (
    <Section id="meeting-feedback" title={t("feedback.heading")}>
      <Stack gap="md">
        {editing ? (
          <FeedbackEditor
            meeting={meeting}
            onReload={onReload}
            onDone={() => setCorrecting(false)}
            onCancel={!draft && correcting ? () => setCorrecting(false) : undefined}
          />
        ) : (
          writer &&
          latestShared && (
            <Group gap="sm" justify="space-between">
              <Text size="sm" c="dimmed">
                {t("feedback.readOnly")}
              </Text>
              <Button variant="light" onClick={() => setCorrecting(true)}>
                {t("feedback.correct")}
              </Button>
            </Group>
          )
        )}
        {shared.length > 0 ? (
          <FeedbackVersions meeting={meeting} records={shared} />
        ) : (
          !writer && (
            <Text size="sm" c="dimmed">
              {t("feedback.none")}
            </Text>
          )
        )}
      </Stack>
    </Section>
  );
}

function FeedbackEditor({
  meeting,
  onReload,
  onDone,
  onCancel,
}: {
  meeting: MeetingDetail;
  onReload: () => Promise<MeetingDetail | undefined>;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const { locale } = useRegimeText();
  const goalName = useGoalName();
  const queryClient = useQueryClient();
  const goals = orderedGoals(meeting.goals);
  const { draft, latestShared } = feedbackState(meeting.feedback);
  // A draft after a shared version, or a new one started from it, is a correction.
  const correcting = latestShared !== null;
  const startFrom = (detail: MeetingDetail) => {
    const state = feedbackState(detail.feedback);
    return feedbackToForm(
      orderedGoals(detail.goals),
      state.draft?.content ?? state.latestShared?.content ?? null,
      state.draft?.correctionReason ?? null,
    );
  };
  // Sharing an unchanged draft shares it as saved, without saving it again.
  const unchanged = useRef(false);
  const { form, save, pendingIntent, notices } = useVersionedForm({
    row: meeting,
    toForm: startFrom,
    version: (row) => feedbackState(row.feedback).draft?.version ?? null,
    reload: onReload,
    /** Saves the draft (starting one when there is none); sharing then shares that draft. */
    save: async (values: FeedbackFormValues, version, intent: "save" | "share") => {
      const saved =
        intent === "share" && version !== null && unchanged.current
          ? meeting
          : await api<MeetingDetail>(`/meetings/${meeting.id}/feedback`, {
              method: "PUT",
              body: feedbackBody(values, version, correcting),
            });
      if (saved !== meeting) await afterMeetingChange(queryClient, saved);
      if (intent === "save") return saved;
      const draftVersion = feedbackState(saved.feedback).draft?.version;
      if (draftVersion === undefined)
        throw new ApiError({ status: 500, code: "problem.internal", title: tc("errors.generic") });
      const fresh = await api<MeetingDetail>(`/meetings/${meeting.id}/feedback/share`, {
        body: { version: draftVersion },
      });
      await afterMeetingChange(queryClient, fresh);
      return fresh;
    },
    onSaved: (_, intent) => notifySuccess(t(intent === "share" ? "feedback.sharedDone" : "feedback.draftSaved")),
  });
  const busy = pendingIntent ?? null;
  const [confirming, confirm] = useDisclosure(false);
  const options = scaleOptions(meeting.regime.goals.ratingScale, locale);

  /** Empty agreement rows are dropped before a save, in the form as well. */
  function submit(intent: "save" | "share") {
    const values = withoutEmptyAgreements(form.getValues());
    form.setValues(values);
    unchanged.current = !form.isDirty();
    return save(values, intent);
  }

  async function share() {
    const ok = await submit("share");
    confirm.close();
    if (ok) onDone();
  }

  const agreements = form.values.content.agreements;
  return (
    <form noValidate onSubmit={form.onSubmit(() => submit("save"))}>
      <Stack gap="md">
        <Text size="sm">{t("feedback.intro")}</Text>
        {correcting ? (
          <Alert color="blue" variant="light" styles={{ title: { color: "var(--mantine-color-text)" } }}>
            <Text size="sm">{t("feedback.correctionIntro")}</Text>
          </Alert>
        ) : (
          draft && (
            <Text size="sm" c="dimmed">
              {t("feedback.draft")}
            </Text>
          )
        )}
        {correcting && (
          <Textarea
            label={t("feedback.correctionReason")}
            description={t("feedback.correctionReasonHint")}
            required
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("correctionReason")}
          />
        )}
        <Textarea
          label={t("feedback.summary")}
          autosize
          minRows={3}
          maxRows={15}
          {...form.getInputProps("content.summary")}
        />
        {goals.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("goals.none")}
          </Text>
        )}
        {form.values.content.goals.map((row, index) => {
          const path = `content.goals.${index}`;
          const goal = goals.find((g) => g.id === row.goalId);
          return (
            <GoalRatingFieldset
              key={row.goalId}
              legend={goalName(goals, row.goalId)}
              goal={goal}
              options={options}
              rating={row.rating}
              onRate={(value) => form.setFieldValue(`${path}.rating`, value)}
              error={(form.errors[`${path}.rating`] ?? form.errors[path]) as string | undefined}
            >
              <Textarea
                label={t("feedback.reflection")}
                autosize
                minRows={2}
                maxRows={12}
                {...form.getInputProps(`${path}.reflection`)}
              />
              <Textarea
                label={t("feedback.instructions")}
                autosize
                minRows={2}
                maxRows={12}
                {...form.getInputProps(`${path}.instructions`)}
              />
            </GoalRatingFieldset>
          );
        })}
        <Fieldset legend={t("feedback.agreements")}>
          <Stack gap="sm">
            {agreements.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("feedback.noAgreements")}
              </Text>
            )}
            {agreements.map((_, index) => {
              const number = index + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their number is their name
                <Group key={index} gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t("feedback.agreementText", { number })}
                    maxLength={2000}
                    style={{ flex: "1 1 16rem" }}
                    {...form.getInputProps(`content.agreements.${index}.text`)}
                  />
                  <TextInput
                    type="date"
                    label={t("feedback.dueOn")}
                    style={{ flex: "0 1 11rem" }}
                    {...form.getInputProps(`content.agreements.${index}.dueOn`)}
                  />
                  <Button
                    variant="default"
                    onClick={() => form.removeListItem("content.agreements", index)}
                    aria-label={t("feedback.removeAgreement", { number })}
                  >
                    {t("feedback.remove")}
                  </Button>
                </Group>
              );
            })}
            {typeof form.errors["content.agreements"] === "string" && (
              <Text size="sm" c="red.8">
                {form.errors["content.agreements"]}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                onClick={() => form.insertListItem("content.agreements", { text: "", dueOn: "" })}
              >
                {t("feedback.addAgreement")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        {typeof form.errors.content === "string" && <FormError message={form.errors.content} />}
        <VersionNotices {...notices} />
        <Group gap="sm">
          <Button type="submit" variant="default" loading={busy === "save"} disabled={busy !== null}>
            {t("feedback.saveDraft")}
          </Button>
          <Button onClick={confirm.open} disabled={busy !== null}>
            {t("feedback.share")}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel} disabled={busy !== null}>
              {t("feedback.cancelCorrection")}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={confirm.close}
        title={t("feedback.confirmShareTitle")}
        text={t("feedback.confirmShare")}
        confirmLabel={t("feedback.share")}
        onConfirm={share}
        busy={busy === "share"}
      />
    </form>
  );
}

/** The shared versions, newest first: the newest open, earlier ones to unfold. */
function FeedbackVersions({ meeting, records }: { meeting: MeetingDetail; records: FeedbackRecordView[] }) {
  const { t, i18n } = useTranslation("meetings");
  const [latest, ...older] = records;
  if (!latest) return null;
  const sharedLine = (record: FeedbackRecordView) =>
    record.createdBy
      ? t("feedback.sharedBy", { date: formatDateTime(record.sharedAt, i18n.language), name: record.createdBy })
      : t("feedback.sharedOn", { date: formatDateTime(record.sharedAt, i18n.language) });
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="article" aria-labelledby={`feedback-${latest.id}`}>
        <Title order={4} size="h5" id={`feedback-${latest.id}`}>
          {t("feedback.version", { number: latest.number })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {sharedLine(latest)}
        </Text>
        <FeedbackRecord meeting={meeting} record={latest} />
      </Paper>
      {older.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t("feedback.older")}
          </Text>
          <Accordion variant="separated" order={4} multiple>
            {older.map((record) => (
              <Accordion.Item key={record.id} value={record.id}>
                <Accordion.Control>
                  {t("feedback.version", { number: record.number })} · {sharedLine(record)}
                </Accordion.Control>
                <Accordion.Panel>
                  <FeedbackRecord meeting={meeting} record={record} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </Stack>
  );
}

/** One shared version: why it corrects the one before, what it says, and whether the trainee has seen it. */
function FeedbackRecord({ meeting, record }: { meeting: MeetingDetail; record: FeedbackRecordView }) {
  const { t } = useTranslation("meetings");
  return (
    <Stack gap="sm">
      {record.correctionReason && (
        <Text size="sm" fs="italic">
          {t("feedback.reason", { reason: record.correctionReason })}
        </Text>
      )}
      <FeedbackContentView meeting={meeting} content={record.content} />
      <SeenLine meeting={meeting} record={record} />
    </Stack>
  );
}

function FeedbackContentView({ meeting, content }: { meeting: MeetingDetail; content: FeedbackContent }) {
  const { t, i18n } = useTranslation("meetings");
  const goalName = useGoalName();
  const goals = orderedGoals(meeting.goals);
  const position = (goalId: string) => {
    const index = goals.findIndex((g) => g.id === goalId);
    return index < 0 ? goals.length : index;
  };
  const rows = [...content.goals].sort((a, b) => position(a.goalId) - position(b.goalId));
  const scale = meeting.regime.goals.ratingScale;
  return (
    <Stack gap="sm">
      {content.summary && <Text style={{ whiteSpace: "pre-wrap" }}>{content.summary}</Text>}
      {rows.map((row) => (
        <RatedGoal
          key={row.goalId}
          name={goalName(goals, row.goalId)}
          rating={row.rating}
          scale={scale}
          notes={[
            { label: t("feedback.reflection"), text: row.reflection },
            { label: t("feedback.instructions"), text: row.instructions },
          ]}
        />
      ))}
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {t("feedback.agreements")}
        </Text>
        {content.agreements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("feedback.noAgreements")}
          </Text>
        ) : (
          <List size="sm">
            {content.agreements.map((agreement, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a shared record never changes
              <List.Item key={index}>
                {agreement.text}
                {agreement.dueOn &&
                  ` (${t("feedback.dueOnValue", { date: formatDate(agreement.dueOn, i18n.language) })})`}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

/** The trainee marks a shared version seen; everyone sees whether and when that happened. */
function SeenLine({ meeting, record }: { meeting: MeetingDetail; record: FeedbackRecordView }) {
  const { t, i18n } = useTranslation("meetings");
  const queryClient = useQueryClient();
  const trainee = meeting.abilities.markSeen;
  const markSeen = useAction(async () => {
    const fresh = await api<MeetingDetail>(`/feedback/${record.id}/seen`, { body: {} });
    await afterMeetingChange(queryClient, fresh);
    notifySuccess(t("feedback.markedSeen"));
  });

  if (record.seenAt)
    return (
      <Text size="sm" c="dimmed">
        {t(trainee ? "feedback.seenOn" : "feedback.seenByTrainee", {
          date: formatDateTime(record.seenAt, i18n.language),
        })}
      </Text>
    );
  if (!trainee)
    return (
      <Text size="sm" c="dimmed">
        {t("feedback.notSeen")}
      </Text>
    );
  return (
    <Stack gap="xs">
      <FormError message={markSeen.error} />
      <Group>
        <Button size="sm" loading={markSeen.pending} onClick={() => markSeen.run()}>
          {t("feedback.seen")}
        </Button>
      </Group>
    </Stack>
  );
}

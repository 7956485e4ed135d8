import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { intensitySchema } from "../../../domain/regimes/schema";
import { updatePlanSchema } from "../../../domain/trajectories/api";
import { proposeSchedule } from "../../../domain/trajectories/schedule";
import { api } from "../../api";
import { schemaResolver, useAction, useIssueText } from "../../forms";
import { formatDate } from "../../i18n";
import { type RegimeText, useRegimeText } from "../../i18n/regime-text";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { VersionNotices } from "../../shell/VersionNotices";
import { useVersionedForm } from "../../versioned-form";
import { laterDate, todayIso } from "../date-input";
import { localDay } from "../format";
import { type TrajectoryDetail, trajectoryApi, useStoreDetail } from "../model";
import { GuideEligibilityNote } from "./GuideEligibilityAlert";
import "../texts";

interface Phase {
  everyWeeks: number | string;
  times: number | string;
}
interface PlanValues extends Record<string, unknown> {
  plan: Record<string, string>;
  intensity: { meetingType: string; phases: Phase[] } | null;
  evaluationMoments: { date: string; label: string }[];
}

function toForm(detail: TrajectoryDetail): PlanValues {
  return {
    plan: Object.fromEntries(detail.regime.planFields.map((f) => [f.key, detail.plan?.[f.key] ?? ""])),
    intensity: detail.intensity ? structuredClone(detail.intensity) : null,
    evaluationMoments: detail.evaluationMoments.map((m) => ({ ...m })),
  };
}

const numeric = (phases: Phase[]) => phases.map((p) => ({ everyWeeks: Number(p.everyWeeks), times: Number(p.times) }));
/** The request the form sends, as the domain's schema checks it; an empty number field is no number. */
const planBody = (values: PlanValues) => ({
  plan: values.plan,
  intensity: values.intensity
    ? {
        meetingType: values.intensity.meetingType,
        phases: values.intensity.phases.map((p) => ({
          everyWeeks: p.everyWeeks === "" ? Number.NaN : Number(p.everyWeeks),
          times: p.times === "" ? Number.NaN : Number(p.times),
        })),
      }
    : null,
  evaluationMoments: values.evaluationMoments,
});
const planSchema = updatePlanSchema.omit({ version: true });

/**
 * Intake and plan: the regime's fields, the rhythm of meetings with the dates it proposes, and
 * the evaluation moments. The guide writes it; others read it.
 */
export function PlanSection({
  detail,
  onReload,
}: {
  detail: TrajectoryDetail;
  onReload: () => Promise<TrajectoryDetail | undefined>;
}) {
  const { t } = useTranslation("trajectories");
  const { text, meetingTypeLabel } = useRegimeText();
  const { regime } = detail;
  const store = useStoreDetail();
  const editable = detail.abilities.editPlan;
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: detail,
    toForm,
    version: (row) => row.version,
    reload: onReload,
    validate: schemaResolver(planSchema, useIssueText(), planBody),
    save: async (values: PlanValues, version) => {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/plan`, {
        method: "PUT",
        body: { version, ...planBody(values) },
      });
      await store(fresh);
      return fresh;
    },
    onSaved: () => notifySuccess(t("plan.saved")),
  });
  const field = (path: string) => {
    const [group, key] = path.split(".");
    if (group === "plan") return text(regime.planFields.find((f) => f.key === key)?.label, String(key));
    return t(group === "intensity" ? "plan.intensity" : "plan.evaluationMoments");
  };

  const stages = [
    { stage: "intake" as const, title: t("plan.intake") },
    { stage: "plan" as const, title: t("plan.plan") },
  ].filter((s) => regime.planFields.some((f) => f.stage === s.stage));

  if (!editable) return <PlanReadOnly detail={detail} />;

  const intensity = form.values.intensity;
  return (
    <form onSubmit={onSubmit()} noValidate>
      <Stack gap="lg">
        <VersionNotices {...notices} clash={field} />
        <GuideEligibilityNote detail={detail} />
        {stages.map(({ stage, title }) => (
          <Stack key={stage} gap="sm" component="section" aria-labelledby={`plan-${stage}`}>
            <Title order={3} size="h4" id={`plan-${stage}`}>
              {title}
            </Title>
            {regime.planFields
              .filter((f) => f.stage === stage)
              .map((field) =>
                field.kind === "choice" ? (
                  <Radio.Group
                    key={field.key}
                    label={text(field.label)}
                    description={field.help ? text(field.help) : undefined}
                    withAsterisk={field.required}
                    {...form.getInputProps(`plan.${field.key}`)}
                  >
                    <Stack gap={6} mt={6}>
                      {(field.options ?? []).map((option) => (
                        <Radio key={option.value} value={option.value} label={text(option.label)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                ) : field.kind === "longtext" ? (
                  <Textarea
                    key={field.key}
                    label={text(field.label)}
                    description={field.help ? text(field.help) : undefined}
                    withAsterisk={field.required}
                    autosize
                    minRows={3}
                    maxLength={20_000}
                    {...form.getInputProps(`plan.${field.key}`)}
                  />
                ) : (
                  <TextInput
                    key={field.key}
                    label={text(field.label)}
                    description={field.help ? text(field.help) : undefined}
                    withAsterisk={field.required}
                    maxLength={20_000}
                    {...form.getInputProps(`plan.${field.key}`)}
                  />
                ),
              )}
            {stage === "intake" && regime.planFields.some((f) => f.stage === "intake" && f.required) && (
              <Text size="xs" c="dimmed">
                {t("plan.requiredHint")}
              </Text>
            )}
          </Stack>
        ))}

        <Stack gap="sm" component="section" aria-labelledby="plan-intensity">
          <Title order={3} size="h4" id="plan-intensity">
            {t("plan.intensity")}
          </Title>
          {!intensity ? (
            <Group gap="sm">
              <Text size="sm">{t("plan.noIntensity")}</Text>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  form.setFieldValue(
                    "intensity",
                    regime.defaultIntensity
                      ? structuredClone(regime.defaultIntensity)
                      : { meetingType: regime.meetingTypes[0]?.key ?? "", phases: [{ everyWeeks: 1, times: 1 }] },
                  )
                }
              >
                {t("plan.setIntensity")}
              </Button>
            </Group>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t("plan.intensityIntro")}
              </Text>
              <NativeSelect
                label={t("plan.meetingType")}
                data={regime.meetingTypes.map((m) => ({ value: m.key, label: text(m.label) }))}
                {...form.getInputProps("intensity.meetingType")}
              />
              {intensity.phases.map((_, index) => (
                <Fieldset
                  // biome-ignore lint/suspicious/noArrayIndexKey: phases have no identity but their place
                  key={index}
                  legend={t("plan.phase", { number: index + 1 })}
                  variant="filled"
                  p="sm"
                >
                  <Group align="flex-end" gap="sm" wrap="nowrap">
                    <NumberInput
                      label={t("plan.everyWeeks")}
                      min={1}
                      max={52}
                      allowDecimal={false}
                      allowNegative={false}
                      style={{ flex: 1 }}
                      {...form.getInputProps(`intensity.phases.${index}.everyWeeks`)}
                    />
                    <NumberInput
                      label={t("plan.times")}
                      min={1}
                      max={52}
                      allowDecimal={false}
                      allowNegative={false}
                      style={{ flex: 1 }}
                      {...form.getInputProps(`intensity.phases.${index}.times`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      mb={2}
                      disabled={intensity.phases.length <= 1}
                      aria-label={t("plan.removePhase", { number: index + 1 })}
                      onClick={() => form.removeListItem("intensity.phases", index)}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Group>
                </Fieldset>
              ))}
              <Group gap="sm">
                <Button
                  variant="light"
                  size="xs"
                  disabled={intensity.phases.length >= 10}
                  onClick={() => form.insertListItem("intensity.phases", { everyWeeks: 2, times: 1 })}
                >
                  {t("plan.addPhase")}
                </Button>
                <Button variant="outline" size="xs" color="red.9" onClick={() => form.setFieldValue("intensity", null)}>
                  {t("plan.removeIntensity")}
                </Button>
              </Group>
              <SchedulePreview
                detail={detail}
                meetingType={intensity.meetingType}
                typeLabel={meetingTypeLabel(regime, intensity.meetingType)}
                phases={intensity.phases}
              />
            </>
          )}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="plan-evaluation">
          <Title order={3} size="h4" id="plan-evaluation">
            {t("plan.evaluationMoments")}
          </Title>
          {form.values.evaluationMoments.length === 0 && <Text size="sm">{t("plan.noEvaluationMoments")}</Text>}
          {form.values.evaluationMoments.map((_, index) => (
            <Fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: moments are edited in place
              key={index}
              legend={t("plan.evaluationMoment", { number: index + 1 })}
              variant="filled"
              p="sm"
            >
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  type="date"
                  label={t("plan.date")}
                  withAsterisk
                  w={170}
                  {...form.getInputProps(`evaluationMoments.${index}.date`)}
                />
                <TextInput
                  label={t("plan.momentLabel")}
                  withAsterisk
                  maxLength={200}
                  style={{ flex: 1, minWidth: 180 }}
                  {...form.getInputProps(`evaluationMoments.${index}.label`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="lg"
                  mt={26}
                  aria-label={t("plan.removeEvaluationMoment", { number: index + 1 })}
                  onClick={() => form.removeListItem("evaluationMoments", index)}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              disabled={form.values.evaluationMoments.length >= 50}
              onClick={() => form.insertListItem("evaluationMoments", { date: "", label: "" })}
            >
              {t("plan.addEvaluationMoment")}
            </Button>
          </Group>
        </Stack>

        <Group>
          <Button type="submit" loading={pending}>
            {t("plan.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The dates the rhythm proposes from a chosen day on, within the agreed period, and a button
 * that plans them all at one time of day.
 */
function SchedulePreview({
  detail,
  meetingType,
  typeLabel,
  phases,
}: {
  detail: TrajectoryDetail;
  meetingType: string;
  typeLabel: string;
  phases: Phase[];
}) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const store = useStoreDetail();
  const [from, setFrom] = useState(() => laterDate(detail.startsOn, todayIso()));
  const [time, setTime] = useState("09:00");
  const valid = intensitySchema.shape.phases.safeParse(numeric(phases)).success && /^\d{4}-\d{2}-\d{2}$/.test(from);
  const dates = valid ? proposeSchedule(from, { meetingType, phases: numeric(phases) }, detail.endsOn) : [];

  const schedule = useAction(
    async () => {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/meetings/schedule`, {
        body: { type: meetingType, dates, time },
      });
      await store(fresh);
      notifySuccess(t("plan.scheduled", { count: dates.length }));
    },
    { describe: (e) => [e.problem.title, ...Object.values(e.fieldErrors)].join(" ") },
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="plan-schedule">
      <Title order={4} size="h5" id="plan-schedule">
        {t("plan.proposedDates")}
      </Title>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t("plan.from")}
          w={170}
          value={from}
          min={detail.startsOn}
          max={detail.endsOn}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        {detail.abilities.planMeetings && (
          <TextInput
            type="time"
            label={t("plan.time")}
            w={130}
            value={time}
            onChange={(event) => setTime(event.currentTarget.value)}
          />
        )}
      </Group>
      {dates.length === 0 ? (
        <Text size="sm">{t("plan.noDates")}</Text>
      ) : (
        <>
          <Text size="sm">{t("plan.datesIntro", { count: dates.length, type: typeLabel })}</Text>
          <List size="sm" aria-label={t("plan.proposedDates")}>
            {dates.map((date) => (
              <List.Item key={date}>{formatDate(localDay(date), lang)}</List.Item>
            ))}
          </List>
        </>
      )}
      <FormError message={schedule.error} />
      {detail.abilities.planMeetings && (
        <Group>
          <Button
            variant="light"
            loading={schedule.pending}
            disabled={dates.length === 0 || !/^\d{2}:\d{2}$/.test(time)}
            onClick={() => schedule.run()}
          >
            {t("plan.schedule")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type PlanField = TrajectoryDetail["regime"]["planFields"][number];

/** A plan value as read: a choice in its option's words, text as written. */
function planValueText(field: PlanField, value: string | undefined, text: RegimeText) {
  const trimmed = value?.trim() ?? "";
  if (field.kind !== "choice" || !trimmed) return trimmed;
  const option = field.options?.find((o) => o.value === trimmed);
  return option ? text(option.label) : trimmed;
}

/** The plan as a participant who does not write it sees it. */
function PlanReadOnly({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text, meetingTypeLabel } = useRegimeText();
  const { regime } = detail;
  const intensity = detail.intensity;
  return (
    <Stack gap="lg">
      <GuideEligibilityNote detail={detail} />
      {(["intake", "plan"] as const)
        .filter((stage) => regime.planFields.some((f) => f.stage === stage))
        .map((stage) => (
          <Stack key={stage} gap="xs" component="section" aria-labelledby={`plan-${stage}`}>
            <Title order={3} size="h4" id={`plan-${stage}`}>
              {t(stage === "intake" ? "plan.intake" : "plan.plan")}
            </Title>
            <Stack component="dl" gap="xs" m={0}>
              {regime.planFields
                .filter((f) => f.stage === stage)
                .map((field) => (
                  <div key={field.key}>
                    <Text component="dt" fw={500} size="sm">
                      {text(field.label)}
                    </Text>
                    <Text component="dd" m={0} size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {planValueText(field, detail.plan?.[field.key], text) || t("plan.notFilled")}
                    </Text>
                  </div>
                ))}
            </Stack>
          </Stack>
        ))}
      <Stack gap="xs" component="section" aria-labelledby="plan-intensity">
        <Title order={3} size="h4" id="plan-intensity">
          {t("plan.intensity")}
        </Title>
        {intensity ? (
          <Text size="sm">
            {meetingTypeLabel(regime, intensity.meetingType)}:{" "}
            {intensity.phases
              .map((p) =>
                t(p.everyWeeks === 1 ? "plan.phaseWeekly" : "plan.phaseText", { count: p.times, weeks: p.everyWeeks }),
              )
              .join(t("plan.phaseSeparator"))}
          </Text>
        ) : (
          <Text size="sm">{t("plan.noIntensity")}</Text>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="plan-evaluation">
        <Title order={3} size="h4" id="plan-evaluation">
          {t("plan.evaluationMoments")}
        </Title>
        {detail.evaluationMoments.length === 0 ? (
          <Text size="sm">{t("plan.noEvaluationMoments")}</Text>
        ) : (
          <List size="sm">
            {detail.evaluationMoments.map((m) => (
              <List.Item key={m.date + m.label}>
                {formatDate(localDay(m.date), lang)}: {m.label}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

import {
  Button,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMinutes } from "../../../domain/trajectories/hours";
import { schoolYearLabel, schoolYearOf } from "../../../domain/trajectories/work-hours";
import { api } from "../../api";
import { useAction, useApiSubmit } from "../../forms";
import { formatDate } from "../../i18n";
import { FormError } from "../../shell/FormError";
import { ListTable } from "../../shell/ListTable";
import { notifySuccess } from "../../shell/notify";
import { todayIso } from "../date-input";
import { parseHours } from "../format";
import { type TrajectoryDetail, trajectoryApi, useStoreDetail } from "../model";
import { renameFields } from "./errors";
import "../texts";

type WorkHours = NonNullable<TrajectoryDetail["workHours"]>;
type Line = WorkHours["lines"][number];

/**
 * The hours the student worked on the placement: per school year against the regime's minimum
 * (BBL's 610 hours), the lines as recorded, and for the workplace a form to record a period.
 */
export function WorkHoursSection({ detail, workHours }: { detail: TrajectoryDetail; workHours: WorkHours }) {
  const { t, i18n } = useTranslation("trajectories");
  const store = useStoreDetail();
  const canRecord = detail.abilities.recordWorkHours;
  const remove = useAction(async (line: Line) => {
    await store(
      await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/work-hours/remove`, { body: { id: line.id } }),
    );
    notifySuccess(t("workHours.removed", { period: period(line) }));
  });
  const period = (line: Pick<Line, "from" | "to">) =>
    t("workHours.period", { from: formatDate(line.from, i18n.language), to: formatDate(line.to, i18n.language) });
  // The lines of one school year at a time, the newest first: a year of monthly lines fits a phone.
  const [chosenYear, setChosenYear] = useState<string | null>(null);
  const shownYear =
    workHours.years.find((y) => y.schoolYear === chosenYear)?.schoolYear ?? workHours.years[0]?.schoolYear;
  const shownLines = workHours.lines.filter((line) => schoolYearOf(line.from) === shownYear).reverse();

  const removeButton = (line: Line) => (
    <Button
      size="xs"
      variant="outline"
      color="red.9"
      loading={remove.pendingInput?.id === line.id}
      aria-label={t("workHours.removeLine", { period: period(line) })}
      onClick={() => remove.run(line)}
    >
      {t("workHours.remove")}
    </Button>
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="work-hours">
      <Title order={3} size="h4" id="work-hours">
        {t("workHours.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("workHours.intro")}
      </Text>
      {workHours.years.length === 0 ? (
        <Text size="sm">{t("workHours.none")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {workHours.years.map((year) => (
            <Stack key={year.schoolYear} gap={4}>
              <Text size="sm" fw={600}>
                {t("workHours.schoolYear", { year: schoolYearLabel(year.schoolYear) })}
              </Text>
              <Text size="sm">
                {year.minimumMinutes === null
                  ? t("workHours.worked", { time: formatMinutes(year.minutes) })
                  : t("workHours.workedOf", {
                      time: formatMinutes(year.minutes),
                      minimum: formatMinutes(year.minimumMinutes),
                    })}
              </Text>
              {year.minimumMinutes !== null && year.minimumMinutes > 0 && (
                <>
                  <Progress
                    value={Math.min(100, (100 * year.minutes) / year.minimumMinutes)}
                    aria-label={t("workHours.progress", { year: schoolYearLabel(year.schoolYear) })}
                  />
                  <Text size="xs" c="dimmed">
                    {year.missingMinutes
                      ? t("workHours.missing", { time: formatMinutes(year.missingMinutes) })
                      : t("workHours.met")}
                  </Text>
                </>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {workHours.years.length > 1 && (
        <NativeSelect
          label={t("workHours.showYear")}
          data={workHours.years.map((y) => ({ value: y.schoolYear, label: schoolYearLabel(y.schoolYear) }))}
          value={shownYear}
          onChange={(event) => setChosenYear(event.currentTarget.value)}
          maw={240}
        />
      )}
      {shownLines.length > 0 && (
        <ListTable
          rows={shownLines}
          rowKey={(line) => line.id}
          label={t("workHours.lines", { year: schoolYearLabel(shownYear ?? "") })}
          minWidth={560}
          compact
          columns={[
            { key: "period", header: t("workHours.periodHeader"), primary: true, cell: period },
            { key: "hours", header: t("workHours.hours"), cell: (line) => formatMinutes(line.minutes) },
            { key: "note", header: t("workHours.note"), cell: (line) => line.note ?? "" },
            { key: "by", header: t("workHours.recordedBy"), cell: (line) => line.recordedBy },
            canRecord && { key: "remove", header: t("workHours.actions"), cell: (line) => removeButton(line) },
          ]}
          cards={{
            body: (line) => (
              <Stack gap={4} align="flex-start">
                <Text size="sm">
                  {t("workHours.cardLine", { time: formatMinutes(line.minutes), name: line.recordedBy })}
                </Text>
                {line.note && (
                  <Text size="sm" c="dimmed">
                    {line.note}
                  </Text>
                )}
                {canRecord && removeButton(line)}
              </Stack>
            ),
          }}
        />
      )}
      <FormError message={remove.error} />
      {canRecord && <RecordWorkHours detail={detail} />}
    </Stack>
  );
}

/** The workplace records the hours of a period that is over: a week or a month at a time. */
function RecordWorkHours({ detail }: { detail: TrajectoryDetail }) {
  const { t } = useTranslation("trajectories");
  const store = useStoreDetail();
  const today = todayIso();
  const form = useForm({
    initialValues: { from: "", to: "", hours: "", note: "" },
    validate: {
      from: (v) => (v ? null : t("workHours.required")),
      to: (v) => (v ? null : t("workHours.required")),
      hours: (v) => (parseHours(v) === null ? t("workHours.hoursInvalid") : null),
    },
  });
  const { run, formError } = useApiSubmit(form);

  return (
    <form
      noValidate
      aria-labelledby="work-hours-record"
      onSubmit={form.onSubmit(async (values) => {
        const minutes = parseHours(values.hours) ?? 0;
        const done = await run(async () => {
          try {
            await store(
              await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/work-hours`, {
                body: { from: values.from, to: values.to, minutes, note: values.note.trim() || null },
              }),
            );
          } catch (error) {
            throw renameFields(error, { minutes: "hours" });
          }
          notifySuccess(t("workHours.recorded", { time: formatMinutes(minutes) }));
        });
        if (done) form.reset();
      })}
    >
      <Stack gap="xs" mt="sm">
        <Title order={4} size="h5" id="work-hours-record">
          {t("workHours.record")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput type="date" label={t("workHours.from")} withAsterisk max={today} {...form.getInputProps("from")} />
          <TextInput type="date" label={t("workHours.to")} withAsterisk max={today} {...form.getInputProps("to")} />
          <TextInput
            label={t("workHours.hours")}
            description={t("workHours.hoursHint")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            inputMode="decimal"
            withAsterisk
            {...form.getInputProps("hours")}
          />
        </SimpleGrid>
        <Textarea label={t("workHours.note")} autosize minRows={1} maxLength={500} {...form.getInputProps("note")} />
        <FormError message={formError} />
        <Group>
          <Button type="submit" variant="light" loading={form.submitting}>
            {t("workHours.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

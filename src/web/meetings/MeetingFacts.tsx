import { DataList, Paper, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { ObservationForm } from "../../domain/regimes/schema";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import type { MeetingDetail } from "./model";
import { Section } from "./Section";
import { groupItems, scoreText } from "./scale";
import "./texts";

/** The meeting as those who do not record it see it: details, observation and notes, read-only. */
export function MeetingFacts({
  meeting,
  typeLabel,
  observationForm,
}: {
  meeting: MeetingDetail;
  typeLabel: string;
  observationForm: ObservationForm | undefined;
}) {
  const { t, i18n } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const wide = useMediaQuery("(min-width: 36em)") ?? true;
  const minutes = (count: number) => t("details.minutes", { count });
  const facts: [string, string][] = [
    [t("details.type"), typeLabel],
    [t("details.when"), formatDateTime(meeting.startsAt, i18n.language)],
    [t("details.durationLabel"), minutes(meeting.durationMinutes)],
    [t("details.location"), meeting.location ?? t("details.noLocation")],
    [t("details.status"), t(`status.${meeting.status}`)],
  ];
  // What the session counts for as evidence, as recorded on it.
  if (meeting.regime.evidence) facts.push([t("details.mode"), tc(`meetingModes.${meeting.mode ?? "notRecorded"}`)]);
  if (meeting.groupSize !== null) facts.push([t("details.groupSize"), String(meeting.groupSize)]);
  if (meeting.preparationMinutes > 0) facts.push([t("details.preparationLabel"), minutes(meeting.preparationMinutes)]);
  if (meeting.travelMinutes > 0) facts.push([t("details.travelLabel"), minutes(meeting.travelMinutes)]);
  if (meeting.unannounced) facts.push([t("details.unannounced"), tc("yes")]);
  if (meeting.heldAt) facts.push([t("details.heldAt"), formatDateTime(meeting.heldAt, i18n.language)]);

  return (
    <>
      <Section id="meeting-details" title={t("details.heading")}>
        {/* Label beside value from tablet width; on a phone the value goes under its label. */}
        <DataList labelWidth="12rem" orientation={wide ? "horizontal" : "vertical"}>
          {facts.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </Section>
      {observationForm && meeting.observation && (
        <ObservationFacts observationForm={observationForm} observation={meeting.observation} />
      )}
      <Section id="meeting-notes" title={t("notes.heading")}>
        {meeting.notesHidden ? (
          <Text size="sm">{t("notes.hidden")}</Text>
        ) : meeting.notes ? (
          <Stack gap="xs">
            <Text style={{ whiteSpace: "pre-wrap" }}>{meeting.notes}</Text>
            {meeting.confidential && (
              <Text size="sm" c="dimmed">
                {t("notes.confidentialNote")}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("notes.none")}
          </Text>
        )}
      </Section>
    </>
  );
}

function ObservationFacts({
  observationForm,
  observation,
}: {
  observationForm: ObservationForm;
  observation: NonNullable<MeetingDetail["observation"]>;
}) {
  const { t } = useTranslation("meetings");
  const { text, locale } = useRegimeText();
  return (
    <Section id="meeting-observation" title={t("observation.heading", { name: text(observationForm.name) })}>
      <Stack gap="md">
        {groupItems(observationForm.items).map((run) => (
          <Stack gap="xs" key={run.items[0]?.key}>
            {run.group && (
              <Title order={4} size="h5">
                {text(run.group)}
              </Title>
            )}
            {run.items.map((item) => {
              const scored = observation[item.key];
              return (
                <Paper withBorder p="sm" key={item.key}>
                  <Text fw={600} size="sm">
                    {text(item.label)}
                  </Text>
                  <Text size="sm">
                    {t("observation.score")}:{" "}
                    {scored?.score === null || scored?.score === undefined
                      ? t("observation.notScored")
                      : scoreText(observationForm.scale, scored.score, locale)}
                  </Text>
                  {scored?.note && (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {t("observation.note")}: {scored.note}
                    </Text>
                  )}
                </Paper>
              );
            })}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

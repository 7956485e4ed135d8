import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatMinutes } from "../../../domain/trajectories/hours";
import { useRegimeText } from "../../i18n/regime-text";
import { ListTable } from "../../shell/ListTable";
import type { TrajectoryDetail } from "../model";
import { BillingLinks } from "./BillingLinks";
import { WorkHoursSection } from "./WorkHoursSection";
import "../texts";

type Hours = NonNullable<TrajectoryDetail["hours"]>;

/** Time spent per kind of meeting, in hours and minutes: the meetings, preparation and travel. */
export function HoursSection({ detail, hours }: { detail: TrajectoryDetail; hours: Hours }) {
  const { t } = useTranslation("trajectories");
  const { meetingTypeLabel } = useRegimeText();
  return (
    <Stack gap="lg">
      {detail.workHours && <WorkHoursSection detail={detail} workHours={detail.workHours} />}
      <Stack gap="sm" component="section" aria-labelledby="hours-table">
        <Title order={3} size="h4" id="hours-table">
          {t("hours.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("hours.intro")}
        </Text>
        {hours.lines.length === 0 ? (
          <Text size="sm">{t("hours.none")}</Text>
        ) : (
          // On a phone a card per kind of meeting and one for the sum; from tablet width on, the table.
          <ListTable
            rows={hours.lines}
            footer={[hours.total]}
            rowKey={(line) => line.type}
            labelledBy="hours-table"
            minWidth={560}
            compact
            columns={[
              {
                key: "type",
                header: t("hours.type"),
                primary: true,
                cell: (line) => (line === hours.total ? t("hours.sum") : meetingTypeLabel(detail.regime, line.type)),
              },
              { key: "meetings", header: t("hours.meetings"), cell: (line) => String(line.meetings) },
              {
                key: "meetingTime",
                header: t("hours.meetingTime"),
                cell: (line) => formatMinutes(line.meetingMinutes),
              },
              {
                key: "preparation",
                header: t("hours.preparation"),
                cell: (line) => formatMinutes(line.preparationMinutes),
              },
              { key: "travel", header: t("hours.travel"), cell: (line) => formatMinutes(line.travelMinutes) },
              {
                key: "total",
                header: t("hours.total"),
                cell: (line) => formatMinutes(line.totalMinutes),
                cellProps: { fw: 600 },
              },
            ]}
            cards={{}}
          />
        )}
      </Stack>
      {detail.abilities.seeBilling && (
        <Stack gap="sm" component="section" aria-labelledby="hours-billing">
          <Title order={3} size="h4" id="hours-billing">
            {t("hours.billing")}
          </Title>
          <Text size="sm">{t("hours.billingIntro")}</Text>
          <BillingLinks trajectoryId={detail.id} />
        </Stack>
      )}
    </Stack>
  );
}

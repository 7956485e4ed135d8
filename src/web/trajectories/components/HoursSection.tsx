import { Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { formatMinutes } from "../../../domain/trajectories/hours";
import { useRegimeText } from "../../i18n/regime-text";
import type { TrajectoryDetail } from "../model";
import { BillingLinks } from "./BillingLinks";

type Hours = NonNullable<TrajectoryDetail["hours"]>;

/** Time spent per kind of meeting, in hours and minutes: the meetings, preparation and travel. */
export function HoursSection({ detail, hours }: { detail: TrajectoryDetail; hours: Hours }) {
  const { t } = useTranslation("trajectories");
  const { meetingTypeLabel } = useRegimeText();
  const cells = (line: Hours["total"]) => (
    <>
      <Table.Td>{line.meetings}</Table.Td>
      <Table.Td>{formatMinutes(line.meetingMinutes)}</Table.Td>
      <Table.Td>{formatMinutes(line.preparationMinutes)}</Table.Td>
      <Table.Td>{formatMinutes(line.travelMinutes)}</Table.Td>
      <Table.Td fw={600}>{formatMinutes(line.totalMinutes)}</Table.Td>
    </>
  );
  return (
    <Stack gap="lg">
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
          <>
            {/* On a phone a card per kind of meeting; from tablet width on, the table. */}
            <Stack
              hiddenFrom="sm"
              component="ul"
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-labelledby="hours-table"
            >
              {[...hours.lines, hours.total].map((line) => (
                <Paper component="li" key={line.type} withBorder p="sm" radius="sm">
                  <Text fw={600}>
                    {line === hours.total ? t("hours.sum") : meetingTypeLabel(detail.regime, line.type)}
                  </Text>
                  <SimpleGrid component="dl" cols={2} spacing={4} verticalSpacing={2} m={0}>
                    {(
                      [
                        ["hours.meetings", String(line.meetings)],
                        ["hours.meetingTime", formatMinutes(line.meetingMinutes)],
                        ["hours.preparation", formatMinutes(line.preparationMinutes)],
                        ["hours.travel", formatMinutes(line.travelMinutes)],
                        ["hours.total", formatMinutes(line.totalMinutes)],
                      ] as const
                    ).map(([key, value]) => (
                      <Fragment key={key}>
                        <Text component="dt" size="sm" c="dimmed">
                          {t(key)}
                        </Text>
                        <Text component="dd" size="sm" m={0}>
                          {value}
                        </Text>
                      </Fragment>
                    ))}
                  </SimpleGrid>
                </Paper>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={560} visibleFrom="sm">
              <Table verticalSpacing="xs" aria-labelledby="hours-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("hours.type")}</Table.Th>
                    <Table.Th scope="col">{t("hours.meetings")}</Table.Th>
                    <Table.Th scope="col">{t("hours.meetingTime")}</Table.Th>
                    <Table.Th scope="col">{t("hours.preparation")}</Table.Th>
                    <Table.Th scope="col">{t("hours.travel")}</Table.Th>
                    <Table.Th scope="col">{t("hours.total")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {hours.lines.map((line) => (
                    <Table.Tr key={line.type}>
                      <Table.Th scope="row" fw={500}>
                        {meetingTypeLabel(detail.regime, line.type)}
                      </Table.Th>
                      {cells(line)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t("hours.sum")}</Table.Th>
                    {cells(hours.total)}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </>
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

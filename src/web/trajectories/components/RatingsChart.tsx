import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Box, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Scale } from "../../../domain/regimes/schema";
import { formatDate } from "../../i18n";
import { useRegimeText } from "../../i18n/regime-text";
import { ratingRows } from "../format";
import type { TrajectoryDetail } from "../model";
import "../texts";

type Goal = NonNullable<TrajectoryDetail["goals"]>[number];
type Series = NonNullable<TrajectoryDetail["ratings"]>[number];

/**
 * Per goal, the guide's rating and the trainee's own over the meetings. The picture is for
 * the eye; the same numbers stand in a table for screen readers. Loaded on its own, so the
 * chart library stays out of the pages that do not show it.
 */
export default function RatingsChart({
  goals,
  ratings,
  scale,
}: {
  goals: readonly Goal[];
  ratings: readonly Series[];
  scale: Scale;
}) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text } = useRegimeText();
  const scoreText = (score: number | null) => {
    if (score === null) return "—";
    const label = scale.labels?.[score - scale.min];
    return label ? `${score} (${text(label)})` : String(score);
  };

  return (
    <Stack gap="lg">
      {goals.map((goal, index) => {
        const points = ratings.find((r) => r.goalId === goal.id)?.points ?? [];
        const rows = ratingRows(points, (iso) => formatDate(iso, lang));
        const headingId = `ratings-goal-${goal.id}`;
        const name = `${index + 1}. ${goal.title}`;
        return (
          <Stack key={goal.id} gap="xs" component="section" aria-labelledby={headingId}>
            <Title order={4} size="h5" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {name}
            </Title>
            {rows.length === 0 ? (
              <Text size="sm">{t("ratings.none")}</Text>
            ) : (
              <>
                <Box role="img" aria-label={t("ratings.chartLabel", { goal: name })}>
                  <LineChart
                    h={220}
                    data={rows}
                    dataKey="date"
                    series={[
                      { name: "guide", label: t("ratings.guide"), color: "brand.7" },
                      { name: "self", label: t("ratings.self"), color: "orange.8", strokeDasharray: "5 5" },
                    ]}
                    yAxisProps={{ domain: [scale.min, scale.max], allowDecimals: false }}
                    // Room at both ends, so the first and last points are not cut in half.
                    xAxisProps={{ padding: { left: 16, right: 16 } }}
                    withLegend
                    connectNulls
                    accessibilityLayer={false}
                    curveType="linear"
                  />
                </Box>
                <VisuallyHidden>
                  <Table>
                    <caption>{t("ratings.tableCaption", { goal: name })}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("ratings.date")}</Table.Th>
                        <Table.Th scope="col">{t("ratings.guide")}</Table.Th>
                        <Table.Th scope="col">{t("ratings.self")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => (
                        <Table.Tr key={row.meetingId}>
                          <Table.Th scope="row">{row.date}</Table.Th>
                          <Table.Td>{scoreText(row.guide)}</Table.Td>
                          <Table.Td>{scoreText(row.self)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </VisuallyHidden>
              </>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

import "@mantine/charts/styles.css";
import { RadarChart } from "@mantine/charts";
import { Box } from "@mantine/core";

export interface RadarPoint {
  competence: string;
  self: number;
  others: number;
  target: number;
}

/**
 * The radar of a scan's result: self, others and target per competence. A picture for the eye
 * only; the page shows the same numbers in a table. Loaded on its own, so the chart library
 * stays out of the pages that do not show it.
 */
export default function ResultRadar({
  data,
  labels,
  label,
  max,
}: {
  data: RadarPoint[];
  labels: { self: string; others: string; target: string };
  label: string;
  max: number;
}) {
  return (
    <Box role="img" aria-label={label}>
      <RadarChart
        h={340}
        data={data}
        dataKey="competence"
        withLegend
        withPolarRadiusAxis
        polarRadiusAxisProps={{ domain: [0, max], tickCount: max + 1 }}
        accessibilityLayer={false}
        series={[
          { name: "target", label: labels.target, color: "gray.6", opacity: 0.1 },
          { name: "others", label: labels.others, color: "orange.8", opacity: 0.2 },
          { name: "self", label: labels.self, color: "brand.7", opacity: 0.3 },
        ]}
      />
    </Box>
  );
}

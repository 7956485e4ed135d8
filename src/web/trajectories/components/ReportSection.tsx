import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../i18n";
import { reportPath } from "../format";
import type { TrajectoryDetail } from "../model";
import { Tag } from "./Tag";
import "../texts";

/** Where the final report stands, the way to it, and its PDF once it is final. */
export function ReportSection({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const report = detail.report;
  const final = report?.status === "final";
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Tag color={final ? "green" : report ? "blue" : "gray"}>
          {final ? t("report.final") : report ? t("report.draft") : t("report.none")}
        </Tag>
      </Group>
      <Text size="sm">
        {final
          ? t("report.finalText", { when: formatDateTime(report?.finalisedAt, lang) })
          : detail.abilities.writeReport
            ? t("report.writeText")
            : t("report.waitText")}
      </Text>
      <Group gap="sm">
        <Button component={Link} to={reportPath(detail.id)} variant={final ? "light" : "filled"}>
          {detail.abilities.writeReport && !final ? t("report.write") : t("report.open")}
        </Button>
        {final && (
          <Button
            component="a"
            href={`/api/v1/trajectories/${encodeURIComponent(detail.id)}/report.pdf`}
            download
            variant="light"
          >
            {t("report.pdf")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

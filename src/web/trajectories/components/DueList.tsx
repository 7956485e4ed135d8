import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../i18n";
import { dueLink, isDueKind, localDay } from "../format";
import type { DueItemView } from "../model";

/**
 * What someone should do, each item a link to where it is done. On the home page every item
 * names its trajectory; on a trajectory's own page that would only repeat the title.
 */
export function DueList({
  items,
  label,
  withTrajectory = true,
}: {
  items: readonly DueItemView[];
  label: string;
  withTrajectory?: boolean;
}) {
  const { t, i18n } = useTranslation("due");
  const lang = i18n.language;
  const when = (item: DueItemView) => {
    if (!item.dueAt) return t("now");
    return item.dueAt.length === 10 ? formatDate(localDay(item.dueAt), lang) : formatDateTime(item.dueAt, lang);
  };
  return (
    <Stack component="ul" aria-label={label} gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((item, index) => (
        <Paper
          component="li"
          // biome-ignore lint/suspicious/noArrayIndexKey: two items can be alike in every field (two unseen feedback records)
          key={`${item.trajectoryId}-${item.kind}-${item.meetingId ?? ""}-${item.dueAt ?? ""}-${index}`}
          withBorder
          p="sm"
          radius="sm"
        >
          <Anchor component={Link} to={dueLink(item)} fw={500}>
            {isDueKind(item.kind) ? t(`kinds.${item.kind}`, { text: item.text ?? "" }) : (item.text ?? item.kind)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {withTrajectory ? t("meta", { title: item.trajectoryTitle, when: when(item) }) : when(item)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

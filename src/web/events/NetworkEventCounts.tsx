import { Paper, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { NetworkEventCounts as Counts, EventCounts } from "../../domain/events/api";
import { api } from "../api";
import { ListTable } from "../shell/ListTable";
import "./texts";

const rate = (counts: EventCounts, none: string) =>
  counts.attendanceRate === null ? none : `${Math.round(counts.attendanceRate * 100)}%`;

/** Every member's learning festivals and trainings this year: the figures a region reports to its funder. */
export function NetworkEventCounts() {
  const { t } = useTranslation("events");
  const query = useQuery({
    queryKey: ["events", "network-counts"],
    queryFn: () => api<Counts>("/events/network-counts"),
  });
  if (!query.data) return null;
  const { members, total } = query.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="network-events">
      <Title order={3} size="h4" mb="sm" id="network-events">
        {t("network.heading")}
      </Title>
      <ListTable
        rows={members}
        rowKey={(m) => m.name}
        footer={[{ ...total, name: t("network.total"), own: false }]}
        label={t("network.caption")}
        caption={t("network.caption")}
        minWidth={420}
        compact
        cards={{}}
        columns={[
          {
            key: "member",
            header: t("network.member"),
            primary: true,
            cell: (m) => (m.own ? <strong>{m.name}</strong> : m.name),
          },
          { key: "events", header: t("counts.events"), cell: (m) => m.events },
          { key: "participants", header: t("counts.participants"), cell: (m) => m.participants },
          { key: "attended", header: t("counts.attended"), cell: (m) => m.attended },
          { key: "rate", header: t("counts.rate"), cell: (m) => rate(m, t("counts.noRate")) },
        ]}
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t("counts.note")}
      </Text>
    </Paper>
  );
}

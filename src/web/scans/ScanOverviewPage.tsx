import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ScanOverview } from "../../domain/competences/scan-api";
import { api } from "../api";
import { formatDate } from "../i18n";
import { ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { local } from "./model";
import "./texts";

type Row = ScanOverview["items"][number];

/**
 * The praktijkopleider's overview of every werkbegeleider (a team leader's of their own team):
 * whether they did a self-scan, and the latest result in brief, with the way to it. Never one
 * friend's answers: the result page shows what the anonymity rule allows.
 */
export default function ScanOverviewPage() {
  const { t, i18n } = useTranslation("scans");
  const lang = i18n.language;
  const query = useQuery({ queryKey: ["scan-overview"], queryFn: () => api<ScanOverview>("/scan-overview") });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("overview.title")} />;
  return (
    <Stack maw={1100}>
      <PageTitle>{t("overview.title")}</PageTitle>
      <Text>{t("overview.intro")}</Text>
      <ListTable<Row>
        rows={query.data.items}
        rowKey={(row) => row.membershipId}
        label={t("overview.label")}
        minWidth={720}
        empty={t("overview.empty")}
        cards={{}}
        columns={[
          { key: "name", header: t("overview.name"), cell: (row) => row.name, primary: true },
          {
            key: "status",
            header: t("overview.status"),
            cell: (row) =>
              row.openScan
                ? t("overview.busy")
                : row.finishedScans
                  ? t("overview.finished", { count: row.finishedScans })
                  : t("overview.none"),
          },
          {
            key: "latest",
            header: t("overview.latest"),
            cell: (row) =>
              row.latest
                ? t("overview.latestLine", {
                    date: formatDate(row.latest.finishedAt, lang),
                    framework: local(row.latest.frameworkName, lang),
                    version: row.latest.versionNumber,
                  })
                : "—",
          },
          {
            key: "below",
            header: t("overview.belowTarget"),
            cell: (row) =>
              row.latest
                ? t("overview.belowLine", { count: row.latest.belowTarget, total: row.latest.competences })
                : "—",
          },
          {
            key: "result",
            header: t("overview.result"),
            cell: (row) =>
              row.latest ? (
                <Anchor
                  component={Link}
                  to={`/zelfscan/${row.latest.scanId}/resultaat`}
                  aria-label={t("overview.resultOf", { name: row.name })}
                >
                  {t("overview.open")}
                </Anchor>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </Stack>
  );
}

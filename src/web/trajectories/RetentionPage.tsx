import { NativeSelect, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RetentionView } from "../../domain/trajectories/api";
import { percentage, type StayedFigure } from "../../domain/trajectories/retention";
import { api } from "../api";
import { Section } from "../meetings/Section";
import { ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";

type RegimeFigures = RetentionView["regimes"][number];
type Row = RegimeFigures["cohorts"][number];

/**
 * How many students stay: per cohort (school year of the start) the students who started, are
 * still going, got their diploma or stopped and why, and the share still there after one and
 * after two years. Numbers only; a level can be chosen.
 */
export default function RetentionPage() {
  const { t } = useTranslation("trajectories");
  const query = useQuery({
    queryKey: ["trajectories", "retention"],
    queryFn: () => api<RetentionView>("/trajectories/retention"),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("retention.title")} />;
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t("retention.title")}</PageTitle>
      <Text mt={-8}>{t("retention.intro")}</Text>
      {query.data.regimes.length === 0 && <Text c="dimmed">{t("retention.none")}</Text>}
      {query.data.regimes.map((figures) => (
        <RegimeRetention key={figures.key} figures={figures} />
      ))}
    </Stack>
  );
}

function RegimeRetention({ figures }: { figures: RegimeFigures }) {
  const { t } = useTranslation("trajectories");
  const [level, setLevel] = useState("");
  const rows = level ? (figures.byLevel[level] ?? []) : figures.cohorts;
  const reasonLabel = (code: string) =>
    figures.reasons.find((r) => r.value === code)?.label ?? t("retention.reasonUnknown");
  const stayed = (figure: StayedFigure) => {
    const share = percentage(figure);
    return share === null
      ? t("retention.notYet")
      : t("retention.share", { share, stayed: figure.stayed, counted: figure.counted });
  };
  const total = rows.reduce((n, r) => n + r.started, 0);
  return (
    <Section id={`retention-${figures.key}`} title={figures.name}>
      <Stack gap="sm">
        {figures.levels.length > 0 && (
          <NativeSelect
            label={t("retention.level")}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            data={[{ value: "", label: t("retention.allLevels") }, ...figures.levels]}
            maw={320}
          />
        )}
        <Text size="sm">{t("retention.total", { count: total })}</Text>
        <ListTable<Row>
          rows={rows}
          rowKey={(r) => r.cohort}
          label={t("retention.caption", { regime: figures.name })}
          caption={t("retention.caption", { regime: figures.name })}
          empty={t("retention.empty")}
          minWidth={760}
          cards={{}}
          columns={[
            { key: "cohort", header: t("retention.cohort"), primary: true, cell: (r) => r.cohort },
            { key: "started", header: t("retention.started"), cell: (r) => r.started },
            { key: "ongoing", header: t("retention.ongoing"), cell: (r) => r.ongoing },
            { key: "completed", header: t("retention.completed"), cell: (r) => r.completed },
            {
              key: "stopped",
              header: t("retention.stopped"),
              cell: (r) =>
                r.stopped === 0 ? (
                  0
                ) : (
                  <Stack gap={2}>
                    <span>{r.stopped}</span>
                    {Object.entries(r.reasons)
                      .sort(([, a], [, b]) => b - a)
                      .map(([code, n]) => (
                        <Text key={code} size="sm">
                          {reasonLabel(code)}: {n}
                        </Text>
                      ))}
                  </Stack>
                ),
            },
            { key: "year1", header: t("retention.afterOneYear"), cell: (r) => stayed(r.afterOneYear) },
            { key: "year2", header: t("retention.afterTwoYears"), cell: (r) => stayed(r.afterTwoYears) },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t("retention.explain")}
        </Text>
      </Stack>
    </Section>
  );
}

import { NativeSelect, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canViewNetwork } from "../../domain/networks/policy";
import type { NetworkRetentionView, RetentionView } from "../../domain/trajectories/api";
import { canSeeRetention } from "../../domain/trajectories/policy";
import { percentage, type StayedFigure } from "../../domain/trajectories/retention";
import { api } from "../api";
import { Section } from "../meetings/Section";
import { useCurrentRoles } from "../session";
import { type ListColumn, ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

type RegimeFigures = RetentionView["regimes"][number];
type Row = RegimeFigures["cohorts"][number];

/**
 * How many students stay: per cohort (school year of the start) the students who started, are
 * still going, got their diploma or stopped and why, and the share still there after one and
 * after two years. Numbers only; a level can be chosen.
 */
export default function RetentionPage() {
  const { t } = useTranslation("trajectories");
  const roles = useCurrentRoles();
  const own = canSeeRetention({ roles });
  const network = canViewNetwork({ roles });
  const query = useQuery({
    queryKey: ["trajectories", "retention"],
    queryFn: () => api<RetentionView>("/trajectories/retention"),
    enabled: own,
  });
  const members = useQuery({
    queryKey: ["trajectories", "network-retention"],
    queryFn: () => api<NetworkRetentionView>("/trajectories/network-retention"),
    enabled: network,
  });
  if ((own && query.isPending) || (network && members.isPending)) return <Loading />;
  const error = query.error ?? members.error;
  if (error) return <LoadError back={null} error={error} notFound={t("retention.title")} />;
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t("retention.title")}</PageTitle>
      <Text mt={-8}>{t("retention.intro")}</Text>
      {!query.data?.regimes.length && !members.data?.members.length && <Text c="dimmed">{t("retention.none")}</Text>}
      {query.data?.regimes.map((figures) => (
        <RegimeRetention key={figures.key} figures={figures} />
      ))}
      {members.data && members.data.members.length > 0 && <NetworkRetention view={members.data} />}
      <Text size="xs" c="dimmed">
        {t("retention.explain")}
      </Text>
    </Stack>
  );
}

/** Every member's students per cohort, all levels together: the figures a region reports. */
function NetworkRetention({ view }: { view: NetworkRetentionView }) {
  const { t } = useTranslation("trajectories");
  const rows = view.members.flatMap((member) =>
    member.cohorts.map((row) => ({ ...row, member: member.name, own: member.own })),
  );
  return (
    <Section id="retention-network" title={t("retention.network")}>
      <CohortTable
        rows={rows}
        rowKey={(r) => `${r.member} ${r.cohort}`}
        label={t("retention.networkCaption")}
        reasons={view.reasons}
        first={{
          key: "member",
          header: t("retention.member"),
          primary: true,
          cell: (r) => (
            <>
              {r.own ? <strong>{r.member}</strong> : r.member}, {r.cohort}
            </>
          ),
        }}
      />
    </Section>
  );
}

function RegimeRetention({ figures }: { figures: RegimeFigures }) {
  const { t } = useTranslation("trajectories");
  const [level, setLevel] = useState("");
  const rows = level ? (figures.byLevel[level] ?? []) : figures.cohorts;
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
        <CohortTable
          rows={rows}
          rowKey={(r) => r.cohort}
          label={t("retention.caption", { regime: figures.name })}
          reasons={figures.reasons}
          first={{ key: "cohort", header: t("retention.cohort"), primary: true, cell: (r) => r.cohort }}
        />
      </Stack>
    </Section>
  );
}

/** A cohort's figures in columns: started, going, diploma, stopped (and why), stayed after one and two years. */
function CohortTable<R extends Row>({
  rows,
  rowKey,
  label,
  reasons,
  first,
}: {
  rows: readonly R[];
  rowKey: (row: R) => string;
  label: string;
  reasons: RegimeFigures["reasons"];
  first: ListColumn<R>;
}) {
  const { t } = useTranslation("trajectories");
  const reasonLabel = (code: string) => reasons.find((r) => r.value === code)?.label ?? t("retention.reasonUnknown");
  const stayed = (figure: StayedFigure) => {
    const share = percentage(figure);
    return share === null
      ? t("retention.notYet")
      : t("retention.share", { share, stayed: figure.stayed, counted: figure.counted });
  };
  return (
    <ListTable<R>
      rows={rows}
      rowKey={rowKey}
      label={label}
      caption={label}
      empty={t("retention.empty")}
      minWidth={760}
      cards={{}}
      columns={[
        first,
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
  );
}

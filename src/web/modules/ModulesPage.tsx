import { Anchor, Badge, Group, NativeSelect, Progress, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ModuleSummary } from "../../domain/modules/api";
import { localeOf } from "../i18n/regime-text";
import { ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { useModuleList } from "./model";
import { NewModule } from "./NewModule";
import "./texts";

/** The module library: the network's modules and the organisation's own, with the reader's progress. */
export default function ModulesPage() {
  const { t, i18n } = useTranslation("modules");
  const locale = localeOf(i18n.language);
  const query = useModuleList();
  const [competence, setCompetence] = useState("");
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("list.title")} />;
  const { modules, policies } = query.data;
  const competences = new Map(
    modules.flatMap((m) => m.competences.map((c) => [c.key, c.name?.[locale] ?? c.key] as const)),
  );
  const shown = competence ? modules.filter((m) => m.competences.some((c) => c.key === competence)) : modules;
  return (
    <Stack maw={1100}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      {policies.create && <NewModule network={policies.createForNetwork} />}
      {competences.size > 0 && (
        <NativeSelect
          maw={360}
          label={t("list.filter")}
          value={competence}
          onChange={(event) => setCompetence(event.currentTarget.value)}
          data={[
            { value: "", label: t("list.allCompetences") },
            ...[...competences].map(([value, label]) => ({ value, label })),
          ]}
        />
      )}
      <ListTable<ModuleSummary>
        rows={shown}
        rowKey={(row) => row.id}
        label={t("list.label")}
        minWidth={760}
        cards={{}}
        empty={competence ? t("list.emptyFiltered") : t("list.empty")}
        columns={[
          {
            key: "title",
            header: t("list.label"),
            primary: true,
            cell: (row) => (
              <Stack gap={2}>
                <Anchor component={Link} to={`/modules/${row.id}`}>
                  {row.title}
                </Anchor>
                {row.summary && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {row.summary}
                  </Text>
                )}
                <OwnerBadge row={row} />
              </Stack>
            ),
          },
          {
            key: "competences",
            header: t("create.competence"),
            cell: (row) => row.competences.map((c) => c.name?.[locale] ?? c.key).join(", "),
          },
          { key: "minutes", header: t("list.time"), cell: (row) => t("list.minutes", { minutes: row.minutes }) },
          {
            key: "progress",
            header: t("list.progressHeader"),
            cell: (row) => <ProgressCell row={row} />,
          },
        ]}
      />
    </Stack>
  );
}

function ProgressCell({ row }: { row: ModuleSummary }) {
  const { t } = useTranslation("modules");
  if (!row.published) return <Text size="sm">{t("list.draftOnly")}</Text>;
  if (!row.progress) return <Text size="sm">{t("path.notStarted")}</Text>;
  if (row.progress.complete) return <Text size="sm">{t("list.complete")}</Text>;
  const label = t("list.progress", { done: row.progress.done, total: row.progress.total });
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={(100 * row.progress.done) / row.progress.total} w={80} aria-label={label} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function OwnerBadge({ row }: { row: ModuleSummary }) {
  const { t } = useTranslation("modules");
  return (
    <Group gap={4}>
      <Badge variant="light" color={row.owner === "network" ? "blue" : "gray"}>
        {t(`owner.${row.owner}`)}
      </Badge>
      {row.copiedFrom && (
        <Badge variant="outline" color="gray">
          {t("list.copy")}
        </Badge>
      )}
    </Group>
  );
}

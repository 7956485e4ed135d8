import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseSummary } from "../../domain/cases/api";
import { CASE_SETTINGS } from "../../domain/cases/settings";
import { localeOf } from "../i18n/regime-text";
import { ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type CaseFilters, casePath, useCaseList } from "./model";
import "./texts";

const NO_FILTERS: CaseFilters = { q: "", competence: "", setting: "" };

/** The case library: approved cases of the organisation and its network, searchable; and the reader's own work on cases. */
export default function CasesPage() {
  const { t, i18n } = useTranslation("cases");
  const locale = localeOf(i18n.language);
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const [search, setSearch] = useState("");
  const query = useCaseList(filters);
  // The competences to filter by: of every case the reader sees, whatever the filters.
  const unfiltered = useCaseList(NO_FILTERS).data;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("list.title")} />;
  const { cases, toReview, mine, policies } = query.data;
  const competences = new Map(
    [...(unfiltered?.cases ?? []), ...cases].flatMap((c) => c.competences.map((x) => [x.key, x.name[locale]] as const)),
  );
  const settingName = (key: string) => CASE_SETTINGS.find((s) => s.key === key)?.name[locale] ?? key;
  const filtered = filters.q !== "" || filters.competence !== "" || filters.setting !== "";
  return (
    <Stack maw={1100}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      {policies.create && (
        <Group>
          <Button component={Link} to="/casuistiek/nieuw">
            {t("list.new")}
          </Button>
        </Group>
      )}
      <CaseSection title={t("list.toReview")} rows={toReview} />
      <CaseSection title={t("list.mine")} rows={mine} />
      <form
        aria-label={t("list.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...filters, q: search.trim() });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("list.search")}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maxLength={100}
            w={{ base: "100%", sm: 280 }}
          />
          <Button type="submit" variant="light">
            {t("list.searchButton")}
          </Button>
          <NativeSelect
            label={t("list.competence")}
            value={filters.competence}
            onChange={(event) => setFilters({ ...filters, competence: event.currentTarget.value })}
            data={[
              { value: "", label: t("list.allCompetences") },
              ...[...competences].map(([value, label]) => ({ value, label })),
            ]}
            w={{ base: "100%", sm: 240 }}
          />
          <NativeSelect
            label={t("list.setting")}
            value={filters.setting}
            onChange={(event) => setFilters({ ...filters, setting: event.currentTarget.value })}
            data={[
              { value: "", label: t("list.allSettings") },
              ...CASE_SETTINGS.map((s) => ({ value: s.key, label: s.name[locale] })),
            ]}
            w={{ base: "100%", sm: 240 }}
          />
        </Group>
      </form>
      <ListTable<CaseSummary>
        rows={cases}
        rowKey={(row) => row.id}
        label={t("list.label")}
        minWidth={760}
        cards={{}}
        empty={filtered ? t("list.emptyFiltered") : t("list.empty")}
        columns={[
          {
            key: "title",
            header: t("fields.title"),
            primary: true,
            cell: (row) => (
              <Stack gap={2}>
                <Anchor component={Link} to={casePath(row.id)}>
                  {row.title}
                </Anchor>
                <Group gap={4}>
                  <Badge variant="light" color={row.owner === "network" ? "blue" : "gray"}>
                    {t(`owner.${row.owner}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t("list.from", { organisation: row.organisation })}
                  </Text>
                </Group>
              </Stack>
            ),
          },
          {
            key: "competences",
            header: t("list.competence"),
            cell: (row) => row.competences.map((c) => c.name[locale]).join(", "),
          },
          { key: "setting", header: t("list.setting"), cell: (row) => settingName(row.setting) },
        ]}
      />
    </Stack>
  );
}

/** The reader's own cases in preparation, or those waiting for their review: shown only when there are any. */
function CaseSection({ title, rows }: { title: string; rows: CaseSummary[] }) {
  const { t } = useTranslation("cases");
  if (!rows.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="xs">
        {rows.map((row) => (
          <Group key={row.id} gap="xs" wrap="wrap">
            <Anchor component={Link} to={casePath(row.id)}>
              {row.title}
            </Anchor>
            <Badge variant="light" color={row.status === "returned" ? "orange" : "gray"}>
              {t(`status.${row.status}`)}
            </Badge>
            {row.author && !row.mine && (
              <Text size="sm" c="dimmed">
                {row.author}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

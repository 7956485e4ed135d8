import { Anchor, Box, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { BUILTIN_REGIMES } from "../../domain/regimes/builtin";
import { canStartTrajectory } from "../../domain/trajectories/policy";
import { formatDate, formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { useCurrentRoles } from "../session";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { TrajectoryStatusBadge } from "./components/StatusBadge";
import { localDay, trajectoryPath } from "./format";
import { type TrajectorySummary, useRegimes, useTrajectoryList } from "./model";
import "./texts";

/** The trajectories this person takes part in (all of them, for the admin). Filters live in the address. */
export default function TrajectoriesPage() {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text } = useRegimeText();
  const roles = useCurrentRoles();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const search = params.get("zoek") ?? "";
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const [searchText, setSearchText] = useState(search);
  const [debouncedSearch] = useDebouncedValue(searchText, 300);

  function update(changes: Record<string, string>, resetPage = true) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (resetPage) next.delete("pagina");
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives the address
  useEffect(() => {
    if (debouncedSearch.trim() !== search) update({ zoek: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (search) query.set("search", search);
  if (page > 1) query.set("page", String(page));
  const list = useTrajectoryList(query);
  const mayStart = canStartTrajectory(roles);
  const regimes = useRegimes(mayStart);

  // Every status a regime here knows, once: the built-in ones, the organisation's own, and any
  // a listed trajectory has.
  const statuses = new Map<string, string>();
  for (const regime of [...BUILTIN_REGIMES, ...(regimes.data?.items ?? []).map((r) => r.document)])
    for (const s of regime.statuses) if (!statuses.has(s.key)) statuses.set(s.key, text(s.label));
  for (const item of list.data?.items ?? [])
    if (!statuses.has(item.status)) statuses.set(item.status, text(item.statusLabel));

  const period = (item: TrajectorySummary) =>
    t("list.period", {
      start: formatDate(localDay(item.startsOn), lang),
      end: formatDate(localDay(item.endsOn), lang),
    });
  const data = list.data;

  return (
    <>
      <PageTitle
        actions={
          mayStart ? (
            <Button component={Link} to="/trajecten/nieuw">
              {t("list.start")}
            </Button>
          ) : undefined
        }
      >
        {t("list.title")}
      </PageTitle>
      <Stack>
        <Box component="section" aria-label={t("list.filters")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("list.search")}
              type="search"
              value={searchText}
              onChange={(event) => setSearchText(event.currentTarget.value)}
            />
            <NativeSelect
              label={t("list.status")}
              value={status}
              onChange={(event) => update({ status: event.currentTarget.value })}
              data={[
                { value: "", label: t("list.anyStatus") },
                ...[...statuses].map(([value, label]) => ({ value, label })),
              ]}
            />
          </SimpleGrid>
        </Box>

        {list.isError && <FormError message={list.error.message} />}
        {list.isPending && <Loading />}
        {data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("list.count", { count: data.total })}
            </Text>
            <ListTable
              rows={data.items}
              rowKey={(item) => item.id}
              label={t("list.caption")}
              minWidth={860}
              empty={status || search ? t("list.emptyFiltered") : t("list.empty")}
              columns={[
                {
                  key: "title",
                  header: t("columns.title"),
                  primary: true,
                  cell: (item) => (
                    <Anchor component={Link} to={trajectoryPath(item.id)} fw={500}>
                      {item.title}
                    </Anchor>
                  ),
                },
                { key: "regime", header: t("columns.regime"), cell: (item) => text(item.regimeName) },
                {
                  key: "status",
                  header: t("columns.status"),
                  cell: (item) => <TrajectoryStatusBadge status={item.status} label={text(item.statusLabel)} />,
                  cellProps: { style: { whiteSpace: "nowrap" } },
                },
                { key: "trainee", header: t("columns.trainee"), cell: (item) => item.trainee ?? "—" },
                { key: "guides", header: t("columns.guides"), cell: (item) => item.guides.join(", ") || "—" },
                { key: "period", header: t("columns.period"), cell: period },
                {
                  key: "nextMeeting",
                  header: t("columns.nextMeeting"),
                  cell: (item) => (item.nextMeetingAt ? formatDateTime(item.nextMeetingAt, lang) : "—"),
                },
              ]}
              cards={{
                aside: (item) => <TrajectoryStatusBadge status={item.status} label={text(item.statusLabel)} />,
                body: (item) => (
                  <>
                    <Text size="sm" c="dimmed">
                      {text(item.regimeName)}
                    </Text>
                    <Text size="sm">
                      {t("list.traineeLine", { name: item.trainee ?? "—" })}
                      <br />
                      {t("list.guidesLine", { names: item.guides.join(", ") || "—" })}
                    </Text>
                    <Text size="sm">{period(item)}</Text>
                    <Text size="sm">
                      {t("list.nextMeetingLine", {
                        when: item.nextMeetingAt ? formatDateTime(item.nextMeetingAt, lang) : t("list.none"),
                      })}
                    </Text>
                  </>
                ),
              }}
              pager={{
                page,
                pages: Math.max(1, Math.ceil(data.total / data.pageSize)),
                onChange: (next) => update({ pagina: next > 1 ? String(next) : "" }, false),
              }}
            />
          </>
        )}
      </Stack>
    </>
  );
}

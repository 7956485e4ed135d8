import { Alert, Anchor, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonList } from "../../domain/people/api";
import type { AccessEntry, AccessLog } from "../../domain/privacy/access";
import { ApiError, api } from "../api";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { DayRangeFields, SearchPanel } from "../shell/SearchPanel";
import { useSearchFilters } from "../shell/search-filters";
import "./texts";

/**
 * The access log (decision 0036): the person sees who viewed their data in this organisation;
 * the admin searches everyone's reads, and that search is itself logged.
 */

function Reads({ log, busy, withPerson }: { log: AccessLog; busy: boolean; withPerson: boolean }) {
  const { t, i18n } = useTranslation("privacy");
  const when = (entry: AccessEntry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>;
  const who = (entry: AccessEntry) => entry.viewer.name ?? t("access.erased");
  const what = (entry: AccessEntry) => t(`access.kinds.${entry.kind}`);
  const whose = (entry: AccessEntry) =>
    entry.person.id ? (
      <Anchor component={Link} to={`/mensen/${entry.person.id}`}>
        {entry.person.name}
      </Anchor>
    ) : (
      t("access.erased")
    );
  if (log.items.length === 0) return <Text role="status">{t("access.none")}</Text>;
  return (
    <Stack gap="xs">
      <ListTable
        rows={log.items}
        rowKey={(entry) => entry.id}
        label={t("access.table.label")}
        minWidth={withPerson ? 640 : 480}
        busy={busy}
        columns={[
          {
            key: "when",
            header: t("access.table.when"),
            cell: when,
            cellProps: { style: { whiteSpace: "nowrap" } },
          },
          { key: "who", header: t("access.table.who"), cell: who, primary: true },
          ...(withPerson ? [{ key: "whose", header: t("access.table.whose"), cell: whose }] : []),
          { key: "what", header: t("access.table.what"), cell: what },
        ]}
        cards={{
          title: who,
          body: (entry) => (
            <Text size="sm">
              {when(entry)}
              {" · "}
              {what(entry)}
              {withPerson && (
                <>
                  {" · "}
                  {whose(entry)}
                </>
              )}
            </Text>
          ),
        }}
      />
      {log.more && (
        <Text size="sm" c="dimmed">
          {t(withPerson ? "access.moreSearch" : "access.more", { count: log.items.length })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * A member of the organisation, found by name as one types (the people list's own search, so an
 * organisation of any size is searchable); the chosen one keeps their name.
 */
function PersonPicker({
  label,
  value,
  knownName,
  onChange,
  error,
}: {
  label: string;
  value: string;
  knownName: string | undefined;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation("privacy");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const people = useQuery({
    queryKey: ["people", "pick", debounced],
    queryFn: () => api<PersonList>(`/people?${new URLSearchParams({ pageSize: "50", search: debounced })}`),
    placeholderData: keepPreviousData,
  });
  // A person chosen before this page opened (a shared link) is named in the field once known.
  const named = useRef("");
  useEffect(() => {
    if (value && knownName && named.current !== value && search === "") {
      named.current = value;
      setSearch(knownName);
    }
  }, [value, knownName, search]);
  const found = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const current =
    value && !found.some((o) => o.value === value)
      ? [{ value, label: chosen?.value === value ? chosen.label : (knownName ?? "…") }]
      : [];
  return (
    <Select
      label={label}
      placeholder={t("access.filters.anyone")}
      data={[...current, ...found]}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      error={error}
    />
  );
}

/** "Wie heeft mijn gegevens bekeken": everyone who read the signed-in person's data here. */
export function OwnAccessLogPage() {
  const { t } = useTranslation("privacy");
  const query = useQuery({ queryKey: ["access-log", "mine"], queryFn: () => api<AccessLog>("/access-log/mine") });
  return (
    <Stack maw={960}>
      <PageTitle>{t("access.mineTitle")}</PageTitle>
      <Text>{t("access.mineIntro")}</Text>
      <FormError message={query.error?.message ?? null} />
      {query.data ? <Reads log={query.data} busy={query.isFetching} withPerson={false} /> : <Loading />}
    </Stack>
  );
}

const FILTERS = ["personId", "viewerId", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];

/** The admin's search of the organisation's access log. */
export function AccessLogSearchPage() {
  const { t } = useTranslation("privacy");
  const { filters, setFilter, any, clear } = useSearchFilters(FILTERS);
  const query = useQuery({
    queryKey: ["access-log", "search", filters],
    queryFn: () => {
      const search = new URLSearchParams();
      for (const name of FILTERS) if (filters[name]) search.set(name, filters[name]);
      return api<AccessLog>(`/access-log?${search}`);
    },
    placeholderData: keepPreviousData,
  });
  // Names known from the log itself, so a person chosen earlier (or in a shared link) keeps
  // their name in the field whatever the search of the people list found.
  const known = Object.fromEntries(
    (query.data?.items ?? []).flatMap((item) => [
      [item.person.id ?? "", item.person.name ?? ""],
      [item.viewer.id ?? "", item.viewer.name ?? ""],
    ]),
  );

  const fieldErrors = query.error instanceof ApiError ? query.error.fieldErrors : {};
  const otherError =
    query.error && !Object.keys(fieldErrors).some((k) => FILTERS.includes(k as Filter)) ? query.error.message : null;

  return (
    <Stack maw={1100}>
      <PageTitle>{t("access.searchTitle")}</PageTitle>
      <Text>{t("access.searchIntro")}</Text>
      <Alert variant="light">{t("access.searchLogged")}</Alert>
      <SearchPanel
        id="access-filters"
        heading={t("access.filters.heading")}
        resetLabel={t("access.filters.reset")}
        onReset={clear}
        filled={any}
      >
        <PersonPicker
          label={t("access.filters.person")}
          value={filters.personId}
          knownName={known[filters.personId]}
          onChange={(value) => setFilter("personId", value)}
          error={fieldErrors.personId}
        />
        <PersonPicker
          label={t("access.filters.viewer")}
          value={filters.viewerId}
          knownName={known[filters.viewerId]}
          onChange={(value) => setFilter("viewerId", value)}
          error={fieldErrors.viewerId}
        />
        <DayRangeFields
          labels={{ from: t("access.filters.from"), to: t("access.filters.to") }}
          from={filters.from}
          to={filters.to}
          onChange={setFilter}
          errors={fieldErrors}
        />
      </SearchPanel>
      <FormError message={otherError} />
      {query.isPending ? (
        <Loading />
      ) : query.data ? (
        <Reads log={query.data} busy={query.isFetching} withPerson />
      ) : null}
    </Stack>
  );
}

import { ColorSwatch, Group, List, Select, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { AUDIT_EVENT_TYPES } from "../../domain/audit";
import { changedFields, type FieldChange, valueAsText } from "../../domain/audit/changes";
import type { AuditEntry, AuditPage as AuditPageData } from "../../domain/audit/schemas";
import { ApiError, api } from "../api";
import { formatDate, formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { DayRangeFields, SearchPanel } from "../shell/SearchPanel";
import { useSearchFilters } from "../shell/search-filters";
import "./texts";

const FILTERS = ["type", "actor", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field's label in words where known, else its code name. */
function fieldLabel(t: TFunction, field: string) {
  return t(`fields.${field}`, { defaultValue: field });
}

/** A stored value as text a person can read: roles and statuses in words, dates as dates, sizes in kB. */
function valueText(t: TFunction, lang: string, field: string, value: unknown): string {
  const words = { empty: t("empty"), yes: t("common:yes"), no: t("common:no") };
  if (value === null || value === undefined || value === "") return words.empty;
  if (field === "roles" && Array.isArray(value)) {
    return value.length
      ? value.map((role) => t(`common:roles.${String(role)}`, { defaultValue: String(role) })).join(", ")
      : words.empty;
  }
  if (field === "status" && typeof value === "string") return t(`statuses.${value}`, { defaultValue: value });
  if (field === "size" && typeof value === "number") {
    return t("kilobytes", { value: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value / 1024) });
  }
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDate(value, lang);
  if (typeof value === "string" && ISO_DATE_TIME.test(value)) return formatDateTime(value, lang);
  return valueAsText(value, words);
}

function ChangeLine({ change }: { change: FieldChange }) {
  const { t, i18n } = useTranslation("audit");
  const field = fieldLabel(t, change.field);
  const before = valueText(t, i18n.language, change.field, change.before);
  const after = valueText(t, i18n.language, change.field, change.after);
  const text =
    change.before === undefined
      ? t("changeSet", { field, after })
      : change.after === undefined
        ? t("changeRemoved", { field, before })
        : t("changeTo", { field, before, after });
  const colors = [change.before, change.after].filter(
    (v): v is string => change.field === "primaryColor" && typeof v === "string",
  );
  return (
    <List.Item>
      <Group gap={6} wrap="nowrap" align="center">
        {colors.map((c) => (
          <ColorSwatch key={c} color={c} size={12} aria-hidden />
        ))}
        <span>{text}</span>
      </Group>
    </List.Item>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("audit");
  const changes = changedFields(entry.before, entry.after);
  if (!changes.length) {
    return (
      <Text size="sm" c="dimmed">
        {t("noChanges")}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} listStyleType="none" styles={{ itemWrapper: { overflowWrap: "anywhere" } }}>
      {changes.map((change) => (
        <ChangeLine key={change.field} change={change} />
      ))}
    </List>
  );
}

/** Where the change came from: the request's address and browser, when a request made it. */
function Origin({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("audit");
  if (!entry.ip && !entry.userAgent) return null;
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
      {entry.ip && <span>{t("origin.ip", { ip: entry.ip })}</span>}
      {entry.ip && entry.userAgent && <br />}
      {entry.userAgent && <span>{t("origin.browser", { browser: entry.userAgent })}</span>}
    </Text>
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation("audit");
  const { params, filters, setFilter, setPage, any, clear } = useSearchFilters(FILTERS, { resetPage: true });
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

  const query = useQuery({
    queryKey: ["audit-events", filters, page],
    queryFn: () => {
      const search = new URLSearchParams();
      for (const name of FILTERS) if (filters[name]) search.set(name, filters[name]);
      search.set("page", String(page));
      return api<AuditPageData>(`/audit-events?${search}`);
    },
    placeholderData: keepPreviousData,
  });
  const actors = useQuery({
    queryKey: ["audit-events", "actors"],
    queryFn: () => api<{ items: Array<{ id: string; name: string }> }>("/audit-events/actors"),
  });

  const fieldErrors = query.error instanceof ApiError ? query.error.fieldErrors : {};
  const otherError =
    query.error && !Object.keys(fieldErrors).some((k) => FILTERS.includes(k as Filter)) ? query.error.message : null;
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const typeText = (entry: AuditEntry) => t(`types.${entry.type}`, { defaultValue: entry.type });
  const subjectText = (entry: AuditEntry) => t(`subjects.${entry.subjectType}`, { defaultValue: entry.subjectType });
  const typeOptions = AUDIT_EVENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }));
  const actorOptions = (actors.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));

  return (
    <Stack>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>

      <SearchPanel
        id="audit-filters"
        heading={t("filters.heading")}
        resetLabel={t("filters.reset")}
        onReset={clear}
        filled={any}
      >
        <Select
          label={t("filters.type")}
          placeholder={t("filters.anyType")}
          data={typeOptions}
          value={filters.type || null}
          onChange={(value) => setFilter("type", value)}
          clearable
          error={fieldErrors.type}
        />
        <Select
          label={t("filters.actor")}
          placeholder={t("filters.anyActor")}
          data={actorOptions}
          value={filters.actor || null}
          onChange={(value) => setFilter("actor", value)}
          clearable
          searchable
          error={fieldErrors.actor}
        />
        <DayRangeFields
          labels={{ from: t("filters.from"), to: t("filters.to") }}
          from={filters.from}
          to={filters.to}
          onChange={setFilter}
          errors={fieldErrors}
        />
      </SearchPanel>

      <FormError message={otherError} />

      {query.isPending ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Text role="status">{t("none")}</Text>
      ) : data ? (
        <ListTable
          rows={data.items}
          rowKey={(entry) => entry.id}
          label={t("table.label")}
          caption={t("table.caption", { page: data.page, pages, total: data.total })}
          minWidth={760}
          busy={query.isFetching}
          columns={[
            {
              key: "when",
              header: t("table.when"),
              cell: (entry) => <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language)}</time>,
              cellProps: { style: { whiteSpace: "nowrap" } },
            },
            {
              key: "who",
              header: t("table.who"),
              cell: (entry) => (
                <>
                  {entry.actor?.name ?? t("system")}
                  <Origin entry={entry} />
                </>
              ),
            },
            { key: "what", header: t("table.what"), cell: (entry) => typeText(entry) },
            {
              key: "subject",
              header: t("table.subject"),
              cell: (entry) => (
                <>
                  <Text size="sm" c="dimmed">
                    {subjectText(entry)}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {entry.subjectName ?? entry.subjectId}
                  </Text>
                </>
              ),
            },
            { key: "changes", header: t("table.changes"), cell: (entry) => <Changes entry={entry} /> },
          ]}
          cards={{
            // On a phone each entry is a card with the same facts as a table row, the kind first.
            title: typeText,
            body: (entry) => (
              <>
                <Text size="sm">
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language)}</time>
                  {" · "}
                  {entry.actor?.name ?? t("system")}
                </Text>
                <Origin entry={entry} />
                <Text size="sm" mb={4} style={{ overflowWrap: "anywhere" }}>
                  {subjectText(entry)}: {entry.subjectName ?? entry.subjectId}
                </Text>
                <Changes entry={entry} />
              </>
            ),
          }}
          pager={{ page: data.page, pages, onChange: setPage }}
        />
      ) : null}
    </Stack>
  );
}

import { Anchor, Box, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PAGE_SIZES, PERSON_STATUSES } from "../../domain/people/api";
import { ROLES } from "../../domain/roles";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { RoleBadges } from "../shell/RoleBadges";
import { CreatePersonModal } from "./components/CreatePersonModal";
import { EndedOn } from "./components/EndedOn";
import { usePeopleList } from "./components/model";
import { StatusBadge } from "./components/StatusBadge";
import "./texts";

const DEFAULT_PAGE_SIZE = "25";

/** The organisation's people. Filters live in the address, so back and reload keep them. */
export default function PeoplePage() {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [creating, createModal] = useDisclosure(false);

  const search = params.get("zoek") ?? "";
  const role = params.get("rol") ?? "";
  const status = params.get("status") ?? "";
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const pageSize = params.get("perPagina") ?? DEFAULT_PAGE_SIZE;

  const [searchText, setSearchText] = useState(search);
  const [debouncedSearch] = useDebouncedValue(searchText, 300);

  function update(changes: Record<string, string>, resetPage = true) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (resetPage) next.delete("pagina");
        return next;
      },
      { replace: true },
    );
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives the address; the rest follows from it
  useEffect(() => {
    if (debouncedSearch.trim() !== search) update({ zoek: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const query = new URLSearchParams();
  if (search) query.set("search", search);
  if (role) query.set("role", role);
  if (status) query.set("status", status);
  query.set("page", String(page));
  query.set("pageSize", pageSize);
  const list = usePeopleList(query);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <PageTitle actions={<Button onClick={createModal.open}>{t("list.add")}</Button>}>{t("list.title")}</PageTitle>
      <CreatePersonModal opened={creating} onClose={createModal.close} />
      <Stack>
        <Box component="section" aria-label={t("list.filters")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t("list.search")}
              type="search"
              value={searchText}
              onChange={(event) => setSearchText(event.currentTarget.value)}
            />
            <NativeSelect
              label={t("list.role")}
              value={role}
              onChange={(event) => update({ rol: event.currentTarget.value })}
              data={[
                { value: "", label: t("list.anyRole") },
                ...ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
              ]}
            />
            <NativeSelect
              label={t("list.status")}
              value={status}
              onChange={(event) => update({ status: event.currentTarget.value })}
              data={[
                { value: "", label: t("list.anyStatus") },
                ...PERSON_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
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
              rowKey={(person) => person.id}
              label={t("list.caption")}
              minWidth={720}
              empty={t("list.empty")}
              columns={[
                {
                  key: "name",
                  header: t("columns.name"),
                  primary: true,
                  cell: (person) => (
                    <Anchor component={Link} to={`/mensen/${person.id}`} fw={500}>
                      {person.name}
                    </Anchor>
                  ),
                },
                {
                  key: "email",
                  header: t("columns.email"),
                  cell: (person) => person.email,
                  cellProps: { style: { wordBreak: "break-all" } },
                },
                { key: "roles", header: t("columns.roles"), cell: (person) => <RoleBadges roles={person.roles} /> },
                { key: "jobTitle", header: t("columns.jobTitle"), cell: (person) => person.jobTitle ?? "—" },
                {
                  key: "status",
                  header: t("columns.status"),
                  cell: (person) => (
                    <>
                      <StatusBadge status={person.status} />
                      <EndedOn endedOn={person.endedOn} size="xs" mt={4} />
                    </>
                  ),
                  cellProps: { style: { whiteSpace: "nowrap" } },
                },
              ]}
              cards={{
                aside: (person) => <StatusBadge status={person.status} />,
                body: (person) => (
                  <>
                    <Text size="sm" style={{ wordBreak: "break-all" }}>
                      {person.email}
                    </Text>
                    {person.jobTitle && (
                      <Text size="sm" c="dimmed">
                        {person.jobTitle}
                      </Text>
                    )}
                    <RoleBadges roles={person.roles} mt={6} />
                    <EndedOn endedOn={person.endedOn} mt={6} />
                  </>
                ),
              }}
              pager={{
                page,
                pages,
                onChange: (next) => update({ pagina: next === 1 ? "" : String(next) }, false),
                beside: (
                  <NativeSelect
                    label={t("list.pageSize")}
                    size="xs"
                    w={110}
                    value={pageSize}
                    onChange={(event) =>
                      update({
                        perPagina: event.currentTarget.value === DEFAULT_PAGE_SIZE ? "" : event.currentTarget.value,
                      })
                    }
                    data={PAGE_SIZES.map((size) => String(size))}
                  />
                ),
              }}
            />
          </>
        )}
      </Stack>
    </>
  );
}

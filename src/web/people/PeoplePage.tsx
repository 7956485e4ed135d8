import {
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PAGE_SIZES, PERSON_STATUSES } from "../../domain/people/api";
import { ROLES } from "../../domain/roles";
import { FormError } from "../shell/FormError";
import { Pager } from "../shell/Pager";
import { PageTitle } from "../shell/PageTitle";
import { CreatePersonModal } from "./components/CreatePersonModal";
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
        {list.isPending && (
          <Center p="lg">
            <Loader aria-label={tc("loading")} />
          </Center>
        )}
        {data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("list.count", { count: data.total })}
            </Text>
            {data.items.length === 0 && (
              <Text c="dimmed" hiddenFrom="sm">
                {t("list.empty")}
              </Text>
            )}
            {/* On a phone a card per person; from tablet width on, the table. */}
            <Stack
              hiddenFrom="sm"
              component="ul"
              aria-label={t("list.caption")}
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
            >
              {data.items.map((person) => (
                <Paper component="li" key={person.id} withBorder p="sm" radius="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Anchor component={Link} to={`/mensen/${person.id}`} fw={500}>
                      {person.name}
                    </Anchor>
                    <StatusBadge status={person.status} />
                  </Group>
                  <Text size="sm" style={{ wordBreak: "break-all" }}>
                    {person.email}
                  </Text>
                  {person.jobTitle && (
                    <Text size="sm" c="dimmed">
                      {person.jobTitle}
                    </Text>
                  )}
                  <Group gap={4} mt={6}>
                    {person.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {tc(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Paper>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={720} visibleFrom="sm">
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t("list.caption")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("columns.name")}</Table.Th>
                    <Table.Th scope="col">{t("columns.email")}</Table.Th>
                    <Table.Th scope="col">{t("columns.roles")}</Table.Th>
                    <Table.Th scope="col">{t("columns.jobTitle")}</Table.Th>
                    <Table.Th scope="col">{t("columns.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed">{t("list.empty")}</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/mensen/${person.id}`}>
                          {person.name}
                        </Anchor>
                      </Table.Th>
                      <Table.Td style={{ wordBreak: "break-all" }}>{person.email}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {person.roles.map((r) => (
                            <Badge key={r} variant="light" size="sm">
                              {tc(`roles.${r}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{person.jobTitle ?? "—"}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <StatusBadge status={person.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Pager
                page={page}
                pages={pages}
                onChange={(next) => update({ pagina: next === 1 ? "" : String(next) }, false)}
              />
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
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

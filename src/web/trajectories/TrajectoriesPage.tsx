import {
  Anchor,
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
import { Pager } from "../shell/Pager";
import { PageTitle } from "../shell/PageTitle";
import { TrajectoryStatusBadge } from "./components/StatusBadge";
import { localDay, trajectoryPath } from "./format";
import { type TrajectorySummary, useRegimes, useTrajectoryList } from "./model";

/** The trajectories this person takes part in (all of them, for the admin). Filters live in the address. */
export default function TrajectoriesPage() {
  const { t, i18n } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
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
                {status || search ? t("list.emptyFiltered") : t("list.empty")}
              </Text>
            )}
            {/* On a phone a card per trajectory; from tablet width on, the table. */}
            <Stack
              hiddenFrom="sm"
              component="ul"
              aria-label={t("list.caption")}
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
            >
              {data.items.map((item) => (
                <Paper component="li" key={item.id} withBorder p="sm" radius="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Anchor component={Link} to={trajectoryPath(item.id)} fw={500}>
                      {item.title}
                    </Anchor>
                    <TrajectoryStatusBadge status={item.status} label={text(item.statusLabel)} />
                  </Group>
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
                </Paper>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={860} visibleFrom="sm">
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t("list.caption")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("columns.title")}</Table.Th>
                    <Table.Th scope="col">{t("columns.regime")}</Table.Th>
                    <Table.Th scope="col">{t("columns.status")}</Table.Th>
                    <Table.Th scope="col">{t("columns.trainee")}</Table.Th>
                    <Table.Th scope="col">{t("columns.guides")}</Table.Th>
                    <Table.Th scope="col">{t("columns.period")}</Table.Th>
                    <Table.Th scope="col">{t("columns.nextMeeting")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed">{status || search ? t("list.emptyFiltered") : t("list.empty")}</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={trajectoryPath(item.id)}>
                          {item.title}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{text(item.regimeName)}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <TrajectoryStatusBadge status={item.status} label={text(item.statusLabel)} />
                      </Table.Td>
                      <Table.Td>{item.trainee ?? "—"}</Table.Td>
                      <Table.Td>{item.guides.join(", ") || "—"}</Table.Td>
                      <Table.Td>{period(item)}</Table.Td>
                      <Table.Td>{item.nextMeetingAt ? formatDateTime(item.nextMeetingAt, lang) : "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              page={page}
              pages={Math.max(1, Math.ceil(data.total / data.pageSize))}
              onChange={(next) => update({ pagina: next > 1 ? String(next) : "" }, false)}
            />
          </>
        )}
      </Stack>
    </>
  );
}

import { Alert, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ScanComparison, ScanList } from "../../domain/competences/scan-api";
import { api } from "../api";
import { formatDate } from "../i18n";
import { useComparedPair } from "../shell/compared-pair";
import { FormError } from "../shell/FormError";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { formatLevel, local } from "./model";
import { scansKey } from "./ScansPage";
import "./texts";

/**
 * Two of my finished self-scans side by side: the level per competence then and now, and how
 * much it grew. The choice lives in the address (`van`, `tot`), so a comparison can be shared
 * with oneself and the back button works.
 */
export default function ScanComparePage() {
  const { t, i18n } = useTranslation("scans");
  const lang = i18n.language;
  const list = useQuery({ queryKey: scansKey, queryFn: () => api<ScanList>("/scans") });
  const history = list.data?.history ?? [];
  const { from, to, choose } = useComparedPair(history.map((s) => s.id));
  const comparison = useQuery({
    queryKey: ["scans", "compare", from, to],
    queryFn: () => api<ScanComparison>(`/scans/compare?from=${from}&to=${to}`),
    enabled: Boolean(from && to && from !== to),
    retry: false,
  });
  const back = <BackLink to="/zelfscan">{t("result.backToScans")}</BackLink>;
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError back={back} error={list.error} notFound={t("compare.title")} />;
  const options = history.map((s) => ({
    value: s.id,
    label: t("compare.option", {
      date: formatDate(s.finishedAt, lang),
      version: s.versionNumber,
      variant: local(s.variant.name, lang),
    }),
  }));
  const level = (value: number | null) => formatLevel(value, lang);
  const change = (value: number | null) =>
    value === null ? "—" : value > 0 ? `+${level(value)}` : value < 0 ? `−${level(-value)}` : level(0);

  return (
    <Stack maw={960}>
      {back}
      <PageTitle>{t("compare.title")}</PageTitle>
      <Text>{t("compare.intro")}</Text>
      {history.length < 2 ? (
        <Alert color="gray" role="status">
          {t("compare.tooFew")}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md">
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t("compare.from")}
                data={options}
                value={from}
                onChange={choose("van")}
                allowDeselect={false}
                miw={220}
              />
              <Select
                label={t("compare.to")}
                data={options}
                value={to}
                onChange={choose("tot")}
                allowDeselect={false}
                miw={220}
                error={from === to ? t("compare.same") : undefined}
              />
            </Group>
          </Paper>
          {comparison.isError && <FormError message={comparison.error.message} />}
          {comparison.isPending && from !== to && <Loading />}
          {comparison.data && (
            <Table captionSide="top">
              <caption>
                {t("compare.caption", {
                  from: formatDate(comparison.data.from.finishedAt, lang),
                  to: formatDate(comparison.data.to.finishedAt, lang),
                })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("result.competence")}</Table.Th>
                  <Table.Th scope="col">{t("compare.before")}</Table.Th>
                  <Table.Th scope="col">{t("compare.after")}</Table.Th>
                  <Table.Th scope="col">{t("compare.growth")}</Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    {t("result.target")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {comparison.data.competences.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Th scope="row">
                      {local(c.name, lang)}
                      {c.in !== "both" && (
                        <Text size="xs" c="dimmed">
                          {t(`compare.only.${c.in}`)}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{level(c.before)}</Table.Td>
                    <Table.Td>{level(c.after)}</Table.Td>
                    <Table.Td>{change(c.change)}</Table.Td>
                    <Table.Td visibleFrom="sm">{level(c.target)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}

import { Group, List, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { VersionComparisonView } from "../../domain/competences/api";
import { api } from "../api";
import { localeOf } from "../i18n/regime-text";
import { useComparedPair } from "../shell/compared-pair";
import { FormError } from "../shell/FormError";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { itemNames, useFramework } from "./model";
import "./texts";

/**
 * Two versions of a framework side by side: what was added, what changed (old and new text) and
 * what was retired. The choice lives in the address (`van`, `tot`).
 */
export default function FrameworkComparePage() {
  const { frameworkId = "" } = useParams();
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const detail = useFramework(frameworkId);
  const versions = detail.data?.versions ?? [];
  const { from, to, choose } = useComparedPair(versions.map((v) => v.id));
  const comparison = useQuery({
    queryKey: ["frameworks", frameworkId, "compare", from, to],
    queryFn: () => api<VersionComparisonView>(`/frameworks/${frameworkId}/compare?from=${from}&to=${to}`),
    enabled: Boolean(from && to),
    retry: false,
  });
  const back = <BackLink to={`/kaders/${frameworkId}`}>{t("compare.back")}</BackLink>;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError back={back} error={detail.error} notFound={t("detail.notFound")} />;
  const options = versions.map((v) => ({
    value: v.id,
    label: t("compare.option", { number: v.number, status: t(`status.${v.status}`) }),
  }));
  const data = comparison.data;
  const before = data ? itemNames(data.from.document, locale) : new Map<string, string>();
  const after = data ? itemNames(data.to.document, locale) : new Map<string, string>();
  const kind = (level: string) => t(`compare.levels.${level as "competence"}`);

  return (
    <Stack maw={1100}>
      {back}
      <PageTitle>{t("compare.title", { name: detail.data.framework.name[locale] })}</PageTitle>
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
          />
        </Group>
      </Paper>
      {comparison.isError && <FormError message={comparison.error.message} />}
      {data && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="compare-added">
            <Title order={2} size="h3" id="compare-added" mb="xs">
              {t("compare.added", { count: data.changes.added.length })}
            </Title>
            {data.changes.added.length ? (
              <List>
                {data.changes.added.map((item) => (
                  <List.Item key={item.key}>
                    {kind(item.level)}: {after.get(item.key)}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text c="dimmed">{t("compare.none")}</Text>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="compare-changed">
            <Title order={2} size="h3" id="compare-changed" mb="xs">
              {t("compare.changed", { count: data.changes.changed.length })}
            </Title>
            {data.changes.changed.length ? (
              <>
                <Table captionSide="top" visibleFrom="sm">
                  <caption>{t("compare.changedCaption", { from: data.from.number, to: data.to.number })}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("compare.item")}</Table.Th>
                      <Table.Th scope="col">{t("compare.versionN", { number: data.from.number })}</Table.Th>
                      <Table.Th scope="col">{t("compare.versionN", { number: data.to.number })}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.changes.changed.map((item) => (
                      <Table.Tr key={item.key}>
                        <Table.Th scope="row">
                          {kind(item.level)}
                          <Text size="xs" c="dimmed">
                            {item.fields.map((f) => t(`compare.fields.${f}`)).join(", ")}
                          </Text>
                        </Table.Th>
                        <Table.Td>{before.get(item.key)}</Table.Td>
                        <Table.Td>{after.get(item.key)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Stack component="ul" hiddenFrom="sm" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
                  {data.changes.changed.map((item) => (
                    <Paper component="li" key={item.key} withBorder p="xs">
                      <Text size="sm" fw={600}>
                        {kind(item.level)} ({item.fields.map((f) => t(`compare.fields.${f}`)).join(", ")})
                      </Text>
                      <Text size="sm">
                        {t("compare.versionN", { number: data.from.number })}: {before.get(item.key)}
                      </Text>
                      <Text size="sm">
                        {t("compare.versionN", { number: data.to.number })}: {after.get(item.key)}
                      </Text>
                    </Paper>
                  ))}
                </Stack>
              </>
            ) : (
              <Text c="dimmed">{t("compare.none")}</Text>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="compare-retired">
            <Title order={2} size="h3" id="compare-retired" mb="xs">
              {t("compare.retired", { count: data.changes.retired.length })}
            </Title>
            {data.changes.retired.length ? (
              <List>
                {data.changes.retired.map((item) => (
                  <List.Item key={item.key}>
                    {kind(item.level)}: {before.get(item.key) ?? after.get(item.key)}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text c="dimmed">{t("compare.none")}</Text>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

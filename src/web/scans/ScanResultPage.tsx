import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { canScanSelf } from "../../domain/competences/policy";
import type { ScanResults } from "../../domain/competences/scan-api";
import type { Role } from "../../domain/roles";
import { api } from "../api";
import { formatDate } from "../i18n";
import { useSession } from "../session";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { formatLevel, local } from "./model";
import "./texts";

const ResultRadar = lazy(() => import("./ResultRadar"));

export const scanResultsKey = (id: string) => ["scans", id, "results"] as const;

/**
 * A finished self-scan's result: per competence self, others and target as a radar and as a
 * table, the strongest points and largest gaps in words, and the friends by kind where at least
 * two of a kind answered. Its owner, the praktijkopleider and the owner's team leader read it.
 */
export default function ScanResultPage() {
  const { scanId = "" } = useParams();
  const { t, i18n } = useTranslation("scans");
  const lang = i18n.language;
  const roles = (useSession().data?.organisation?.roles ?? []) as Role[];
  const query = useQuery({
    queryKey: scanResultsKey(scanId),
    queryFn: () => api<ScanResults>(`/scans/${scanId}/results`),
  });
  const phone = useMediaQuery("(max-width: 47.99em)");
  const own = query.data ? query.data.reader === "owner" : canScanSelf({ roles });
  const back = own ? (
    <BackLink to="/zelfscan">{t("result.backToScans")}</BackLink>
  ) : (
    <BackLink to="/zelfscans">{t("result.backToOverview")}</BackLink>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("result.notFound")} />;
  const result = query.data;
  const name = (key: string) => local(result.competences.find((c) => c.key === key)?.name, lang);
  const level = (value: number | null) => formatLevel(value, lang);
  const max = Math.max(...result.scale.map((l) => l.value));
  const date = formatDate(result.finishedAt, lang);
  const groupText = (group: ScanResults["competences"][number]["groups"][number] | undefined) =>
    group ? t("result.groupCell", { mean: level(group.mean), count: group.raters }) : "—";
  const kinds = [...new Set(result.competences.flatMap((c) => c.groups.map((g) => g.group)))];

  return (
    <Stack maw={960}>
      {back}
      <PageTitle>{t("result.title", { date })}</PageTitle>
      <Text>
        {t("result.of", { name: result.ownerName })} · {local(result.frameworkName, lang)} (
        {t("result.version", { number: result.versionNumber })}) · {local(result.variant.name, lang)}
      </Text>
      <Text size="sm" c="dimmed">
        {t("result.friends", { count: result.friendsAnswered })}
      </Text>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="result-strengths">
          <Title order={2} size="h3" id="result-strengths" mb="xs">
            {t("result.strengths")}
          </Title>
          {result.highlights.strengths.length ? (
            <List>
              {result.highlights.strengths.map((key) => (
                <List.Item key={key}>{name(key)}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{t("result.noStrengths")}</Text>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="result-gaps">
          <Title order={2} size="h3" id="result-gaps" mb="xs">
            {t("result.gaps")}
          </Title>
          {result.highlights.gaps.length ? (
            <List>
              {result.highlights.gaps.map((key) => {
                const competence = result.competences.find((c) => c.key === key);
                return (
                  <List.Item key={key}>
                    {t("result.gapLine", {
                      name: name(key),
                      level: level(competence?.level ?? null),
                      target: level(competence?.target ?? null),
                    })}
                  </List.Item>
                );
              })}
            </List>
          ) : (
            <Text c="dimmed">{t("result.noGaps")}</Text>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="result-picture">
        <Title order={2} size="h3" id="result-picture" mb="xs">
          {t("result.picture")}
        </Title>
        <Suspense fallback={<Loading />}>
          <ResultRadar
            label={t("result.radarLabel")}
            max={max}
            labels={{ self: t("result.self"), others: t("result.others"), target: t("result.target") }}
            data={result.competences.map((c, index) => ({
              // On a phone the names do not fit around the radar: their numbers, named below.
              competence: phone ? String(index + 1) : local(c.name, lang),
              self: c.self ?? 0,
              others: c.others ?? 0,
              target: c.target,
            }))}
          />
        </Suspense>
        <Table mt="md" captionSide="top" visibleFrom="sm">
          <caption>{t("result.tableCaption")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("result.competence")}</Table.Th>
              <Table.Th scope="col">{t("result.self")}</Table.Th>
              <Table.Th scope="col">{t("result.others")}</Table.Th>
              <Table.Th scope="col">{t("result.combined")}</Table.Th>
              <Table.Th scope="col">{t("result.target")}</Table.Th>
              <Table.Th scope="col">{t("result.gap")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.competences.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Th scope="row">{local(c.name, lang)}</Table.Th>
                <Table.Td>{level(c.self)}</Table.Td>
                <Table.Td>{level(c.others)}</Table.Td>
                <Table.Td>{level(c.level)}</Table.Td>
                <Table.Td>{level(c.target)}</Table.Td>
                <Table.Td>{c.gap > 0 ? level(c.gap) : t("result.reached")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack component="ol" hiddenFrom="sm" gap="xs" mt="md" p={0} m={0} style={{ listStyle: "none" }}>
          {result.competences.map((c, index) => (
            <Paper component="li" key={c.key} withBorder p="xs">
              <Text fw={600}>
                {index + 1}. {local(c.name, lang)}
              </Text>
              <Text size="sm">
                {t("result.line", {
                  self: level(c.self),
                  others: level(c.others),
                  combined: level(c.level),
                  target: level(c.target),
                })}
              </Text>
              <Text size="sm">{c.gap > 0 ? t("result.gapLeft", { gap: level(c.gap) }) : t("result.reached")}</Text>
            </Paper>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="result-groups">
        <Title order={2} size="h3" id="result-groups" mb="xs">
          {t("result.groupsTitle")}
        </Title>
        <Text size="sm" mb="sm">
          {t("result.groupsIntro")}
        </Text>
        {kinds.length === 0 ? (
          <Alert color="gray" role="status">
            {t("result.noGroups")}
          </Alert>
        ) : (
          <>
            <Table captionSide="top" visibleFrom="sm">
              <caption>{t("result.groupsCaption")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("result.competence")}</Table.Th>
                  {kinds.map((kind) => (
                    <Table.Th scope="col" key={kind}>
                      {t(`result.kinds.${kind}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.competences.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Th scope="row">{local(c.name, lang)}</Table.Th>
                    {kinds.map((kind) => (
                      <Table.Td key={kind}>{groupText(c.groups.find((g) => g.group === kind))}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Stack component="ul" hiddenFrom="sm" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {result.competences.map((c) => (
                <Paper component="li" key={c.key} withBorder p="xs">
                  <Text fw={600}>{local(c.name, lang)}</Text>
                  {kinds.map((kind) => (
                    <Text size="sm" key={kind}>
                      {t(`result.kinds.${kind}`)}: {groupText(c.groups.find((g) => g.group === kind))}
                    </Text>
                  ))}
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Paper>

      {own && (
        <Group>
          <Anchor component={Link} to={`/zelfscan/vergelijken?tot=${result.id}`}>
            {t("result.compare")}
          </Anchor>
          <Anchor component={Link} to="/leerroute">
            {t("result.toPath")}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { FrameworkDetail, VersionView } from "../../domain/competences/api";
import { api } from "../api";
import { useAction } from "../forms";
import { formatDate } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { frameworkKeys, useFramework } from "./model";
import "./texts";

type Version = FrameworkDetail["versions"][number];

/**
 * One competence framework: what it holds as this organisation uses it (the published version
 * with the organisation's own additions), its versions, and the way to draft the next one.
 */
export default function FrameworkPage() {
  const { frameworkId = "" } = useParams();
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const query = useFramework(frameworkId);
  const back = <BackLink to="/kaders">{t("detail.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("detail.notFound")} />;
  const { framework, effective } = query.data;
  return (
    <Stack maw={1100}>
      {back}
      <PageTitle>{framework.name[locale]}</PageTitle>
      <Group gap="xs">
        <Badge variant="light" color={framework.owner === "network" ? "blue" : "gray"}>
          {t(`owner.${framework.owner}`)}
        </Badge>
        {effective && <Text size="sm">{t("detail.inUse", { number: effective.number })}</Text>}
      </Group>
      {query.data.policies.extend && (
        <Group>
          <Anchor component={Link} to={`/kaders/${framework.id}/uitbreiding`}>
            {t("extensions.edit")}
          </Anchor>
        </Group>
      )}
      <NextVersion detail={query.data} />
      {effective ? <Contents detail={query.data} /> : <Text c="dimmed">{t("detail.nothingPublished")}</Text>}
      <Versions detail={query.data} />
    </Stack>
  );
}

/** Start the next version, or go on with the one that is open. */
function NextVersion({ detail }: { detail: FrameworkDetail }) {
  const { t } = useTranslation("frameworks");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { framework, policies } = detail;
  const start = useAction(async () => {
    const draft = await api<VersionView>(`/frameworks/${framework.id}/versions`, { method: "POST", body: {} });
    await queryClient.invalidateQueries({ queryKey: frameworkKeys.framework(framework.id) });
    await queryClient.invalidateQueries({ queryKey: frameworkKeys.list, exact: true });
    navigate(`/kaders/${framework.id}/versies/${draft.id}/bewerken`);
  });
  if (!policies.draft) return null;
  const open = framework.open;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-version">
      <Title order={2} size="h3" id="next-version" mb="xs">
        {t("detail.nextTitle")}
      </Title>
      {open ? (
        <Stack gap="xs">
          <Text>{t("detail.openVersion", { number: open.number, status: t(`status.${open.status}`) })}</Text>
          <Group>
            {(open.status === "draft" || open.status === "voting") && (
              <Button component={Link} to={`/kaders/${framework.id}/versies/${open.id}/bewerken`}>
                {t("detail.edit", { number: open.number })}
              </Button>
            )}
            {framework.owner === "network" && (
              <Anchor component={Link} to={`/kaders/${framework.id}/versies/${open.id}/consensus`}>
                {t("detail.consensus", { number: open.number })}
              </Anchor>
            )}
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text>{t("detail.nextIntro")}</Text>
          <FormError message={start.error} />
          <Group>
            <Button onClick={() => start.run()} loading={start.pending}>
              {t("detail.start")}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** The competences, skills and behaviours as the organisation uses them, the scale and the targets. */
function Contents({ detail }: { detail: FrameworkDetail }) {
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const effective = detail.effective;
  if (!effective) return null;
  const { document } = effective;
  const own = new Set(effective.extensions.map((e) => e.skill.key));
  const competences = document.competences.filter((c) => !c.retired);
  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="framework-contents">
        <Title order={2} size="h3" id="framework-contents" mb="xs">
          {t("detail.contents")}
        </Title>
        {own.size > 0 && (
          <Alert color="blue" variant="light" mb="sm">
            {t("detail.ownNote")}
          </Alert>
        )}
        <Stack component="ol" gap="md" pl="md" m={0}>
          {competences.map((competence) => (
            <li key={competence.key}>
              <Text fw={700}>{competence.name[locale]}</Text>
              {competence.description && <Text size="sm">{competence.description[locale]}</Text>}
              <List size="sm" mt={4} withPadding>
                {competence.skills
                  .filter((s) => !s.retired)
                  .map((skill) => (
                    <List.Item key={skill.key}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {skill.name[locale]}
                        </Text>
                        {own.has(skill.key) && (
                          <Badge size="sm" variant="outline">
                            {t("detail.own")}
                          </Badge>
                        )}
                      </Group>
                      <List size="sm" withPadding listStyleType="disc">
                        {skill.behaviours
                          .filter((b) => !b.retired)
                          .map((behaviour) => (
                            <List.Item key={behaviour.key}>{behaviour.text[locale]}</List.Item>
                          ))}
                      </List>
                    </List.Item>
                  ))}
              </List>
            </li>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="framework-scale">
        <Title order={2} size="h3" id="framework-scale" mb="xs">
          {t("detail.scale")}
        </Title>
        <List mb="md">
          {document.scale.map((level) => (
            <List.Item key={level.value}>
              <Text span fw={600}>
                {level.value} · {level.name[locale]}
              </Text>
              {level.description && <Text size="sm">{level.description[locale]}</Text>}
            </List.Item>
          ))}
        </List>
        <Table captionSide="top" visibleFrom="sm">
          <caption>{t("detail.targetsCaption")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("detail.competence")}</Table.Th>
              {document.variants.map((variant) => (
                <Table.Th scope="col" key={variant.key}>
                  {variant.name[locale]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {competences.map((competence) => (
              <Table.Tr key={competence.key}>
                <Table.Th scope="row">{competence.name[locale]}</Table.Th>
                {document.variants.map((variant) => (
                  <Table.Td key={variant.key}>{variant.targets[competence.key] ?? "—"}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack hiddenFrom="sm" gap="xs">
          <Text fw={600}>{t("detail.targetsCaption")}</Text>
          {competences.map((competence) => (
            <Paper key={competence.key} withBorder p="xs">
              <Text fw={600} size="sm">
                {competence.name[locale]}
              </Text>
              {document.variants.map((variant) => (
                <Text size="sm" key={variant.key}>
                  {variant.name[locale]}: {variant.targets[competence.key] ?? "—"}
                </Text>
              ))}
            </Paper>
          ))}
        </Stack>
      </Paper>
    </>
  );
}

/** Every version the reader may see, with what can be done with each. */
function Versions({ detail }: { detail: FrameworkDetail }) {
  const { t, i18n } = useTranslation("frameworks");
  const lang = i18n.language;
  const { framework, versions, policies } = detail;
  const base = `/api/v1/frameworks/${framework.id}/versions`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="framework-versions">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="framework-versions">
          {t("detail.versions")}
        </Title>
        {versions.length > 1 && (
          <Anchor component={Link} to={`/kaders/${framework.id}/vergelijken`}>
            {t("detail.compare")}
          </Anchor>
        )}
      </Group>
      <ListTable<Version>
        rows={versions}
        rowKey={(v) => v.id}
        labelledBy="framework-versions"
        minWidth={640}
        compact
        cards={{}}
        columns={[
          {
            key: "number",
            header: t("detail.version"),
            primary: true,
            cell: (v) => t("detail.versionN", { number: v.number }),
          },
          { key: "status", header: t("detail.status"), cell: (v) => t(`status.${v.status}`) },
          {
            key: "date",
            header: t("detail.date"),
            cell: (v) => formatDate(v.publishedAt ?? v.updatedAt, lang),
          },
          { key: "note", header: t("detail.changeNote"), cell: (v) => v.changeNote ?? "—" },
          {
            key: "actions",
            header: t("detail.actions"),
            cell: (v) => (
              <Group gap="sm">
                {(v.status === "draft" || v.status === "voting") && policies.draft && (
                  <Anchor component={Link} to={`/kaders/${framework.id}/versies/${v.id}/bewerken`}>
                    {t("detail.editShort")}
                  </Anchor>
                )}
                {framework.owner === "network" && (
                  <Anchor component={Link} to={`/kaders/${framework.id}/versies/${v.id}/consensus`}>
                    {t("detail.round")}
                  </Anchor>
                )}
                <Anchor
                  href={`${base}/${v.id}/export.json`}
                  aria-label={t("detail.exportJsonOf", { number: v.number })}
                >
                  JSON
                </Anchor>
                <Anchor href={`${base}/${v.id}/export.csv`} aria-label={t("detail.exportCsvOf", { number: v.number })}>
                  CSV
                </Anchor>
              </Group>
            ),
          },
        ]}
      />
    </Paper>
  );
}

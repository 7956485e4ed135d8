import { Alert, Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { LearnerView, ModuleDetail, ModuleVersionView } from "../../domain/modules/api";
import { api } from "../api";
import { Discussion } from "../discussions/Discussion";
import { useAction } from "../forms";
import { formatDate } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { CertificateButton } from "./CertificateButton";
import { LearnerBlock, type LearnerBlockProps } from "./LearnerBlock";
import { editorPath, moduleKeys, moduleVersionPath, useModule } from "./model";
import "./texts";

/** One module: what it works on, the learner's way through it, and for its authors its versions. */
export default function ModulePage() {
  const { t } = useTranslation("modules");
  const { moduleId = "" } = useParams();
  const query = useModule(moduleId);
  const back = <BackLink to="/modules">{t("detail.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("detail.notFound")} />;
  const detail = query.data;
  return (
    <Stack maw={860}>
      {back}
      <ModuleHeader detail={detail} />
      {detail.learner ? <Following detail={detail} learner={detail.learner} /> : <NotStarted detail={detail} />}
      {detail.policies.edit && <Versions detail={detail} />}
      {detail.policies.copy && <CopyModule detail={detail} />}
      {detail.module.published && <Discussion kind="module" id={detail.module.id} />}
    </Stack>
  );
}

function ModuleHeader({ detail }: { detail: ModuleDetail }) {
  const { t, i18n } = useTranslation("modules");
  const locale = localeOf(i18n.language);
  const { module } = detail;
  return (
    <Stack gap="xs">
      <PageTitle>{detail.learner?.title ?? module.title}</PageTitle>
      <Group gap="xs">
        <Badge variant="light" color={module.owner === "network" ? "blue" : "gray"}>
          {t(`owner.${module.owner}`)}
        </Badge>
        <Text size="sm">{t("detail.minutes", { minutes: detail.learner?.minutes ?? module.minutes })}</Text>
      </Group>
      {(detail.learner?.summary ?? module.summary) && <Text>{detail.learner?.summary ?? module.summary}</Text>}
      <Text size="sm">
        {t("detail.serves")}:{" "}
        {module.competences
          .map((c) => t("detail.level", { name: c.name?.[locale] ?? c.key, level: c.level }))
          .join(", ")}
      </Text>
    </Stack>
  );
}

function NotStarted({ detail }: { detail: ModuleDetail }) {
  const { t } = useTranslation("modules");
  const queryClient = useQueryClient();
  const start = useAction(async () => {
    const view = await api<LearnerView>(`/modules/${detail.module.id}/progress`, { method: "POST" });
    queryClient.setQueryData<ModuleDetail>(
      moduleKeys.module(detail.module.id),
      (old) => old && { ...old, learner: view },
    );
    await queryClient.invalidateQueries({ queryKey: moduleKeys.list, exact: true });
  });
  if (!detail.module.published) return <Text>{t("detail.noPublished")}</Text>;
  return (
    <Stack>
      {detail.policies.follow && (
        <Group>
          <Button onClick={() => start.run()} loading={start.pending}>
            {t("detail.start")}
          </Button>
        </Group>
      )}
      <FormError message={start.error} />
      <Title order={2} size="h3">
        {t("detail.preview")}
      </Title>
      <List>
        {detail.preview.map((block) => (
          <List.Item key={block.key}>
            {t(`kinds.${block.kind}`)}
            {"title" in block && block.title ? `: ${block.title}` : ""}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The learner's module: progress, where to resume, and every block with what they can do there. */
function Following({ detail, learner }: { detail: ModuleDetail; learner: LearnerView }) {
  const { t, i18n } = useTranslation("modules");
  const queryClient = useQueryClient();
  const { progress } = learner;
  const update: LearnerBlockProps["onChange"] = (view) => {
    queryClient.setQueryData<ModuleDetail>(
      moduleKeys.module(detail.module.id),
      (old) => old && { ...old, learner: view },
    );
    void queryClient.invalidateQueries({ queryKey: moduleKeys.list, exact: true });
    void queryClient.invalidateQueries({ queryKey: ["learning-path"] });
  };
  const label = t("detail.progress", { done: progress.done, total: progress.total });
  const resumeIndex = learner.blocks.findIndex((b) => b.key === progress.resume);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{label}</Text>
          <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label={label} size="lg" />
          {progress.complete ? (
            <Text>{t("detail.complete", { date: formatDate(progress.completedAt, i18n.language) })}</Text>
          ) : (
            progress.resume && (
              <Anchor href={`#blok-${progress.resume}`}>
                {t("detail.resume")}: {resumeIndex + 1}. {t(`kinds.${learner.blocks[resumeIndex]?.kind ?? "text"}`)}
              </Anchor>
            )
          )}
        </Stack>
      </Paper>
      {progress.complete && <CertificateButton subject={{ moduleId: detail.module.id }} />}
      {learner.newerVersion !== null && (
        <Alert variant="light">
          {t("detail.newer", { number: learner.newerVersion, yours: learner.version.number })}
        </Alert>
      )}
      {learner.blocks.map((block, index) => (
        <LearnerBlock
          key={block.key}
          moduleId={detail.module.id}
          number={index + 1}
          block={block}
          learner={learner}
          done={progress.blocks[index]?.done ?? false}
          onChange={update}
        />
      ))}
    </Stack>
  );
}

/** For the module's authors: its versions, the draft to edit or publish, or a new version to begin. */
function Versions({ detail }: { detail: ModuleDetail }) {
  const { t, i18n } = useTranslation("modules");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const id = detail.module.id;
  const draft = detail.versions.find((v) => v.status === "draft");
  const begin = useAction(async () => {
    const view = await api<ModuleVersionView>(`/modules/${id}/versions`, { method: "POST" });
    await queryClient.invalidateQueries({ queryKey: moduleKeys.module(id) });
    navigate(editorPath(id, view.id));
  });
  const publish = useAction(async () => {
    if (!draft) return;
    const current = await api<ModuleVersionView>(moduleVersionPath(id, draft.id));
    await api(`${moduleVersionPath(id, draft.id)}/publish`, { body: { version: current.version } });
    setConfirming(false);
    await queryClient.invalidateQueries({ queryKey: moduleKeys.list });
    notifySuccess(t("authoring.published", { number: draft.number }));
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="module-versions">
      <Stack>
        <Title order={2} size="h3" id="module-versions">
          {t("authoring.title")}
        </Title>
        <List>
          {detail.versions.map((v) => (
            <List.Item key={v.id}>
              {t("authoring.versionLine", { number: v.number })}: {t(`authoring.status.${v.status}`)}
              {v.publishedAt ? `, ${formatDate(v.publishedAt, i18n.language)}` : ""}
              {v.changeNote ? ` · ${t("authoring.changeNote", { note: v.changeNote })}` : ""}
            </List.Item>
          ))}
        </List>
        {detail.draftChanges && <DraftChanges changes={detail.draftChanges} />}
        <Group>
          {draft ? (
            <>
              <Button component={Link} to={editorPath(id, draft.id)}>
                {t("authoring.edit")}
              </Button>
              <Button variant="default" onClick={() => setConfirming(true)}>
                {t("authoring.publish")}
              </Button>
            </>
          ) : (
            <Button variant="default" onClick={() => begin.run()} loading={begin.pending}>
              {t("authoring.newVersion")}
            </Button>
          )}
        </Group>
        <FormError message={begin.error} />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("authoring.publish")}
        text={t("authoring.publishConfirm")}
        confirmLabel={t("authoring.publish")}
        busy={publish.pending}
        onConfirm={() => publish.run()}
      >
        <FormError message={publish.error} />
      </ConfirmDialog>
    </Paper>
  );
}

/** What the draft changes against the newest published version: added, changed and removed blocks. */
function DraftChanges({ changes }: { changes: NonNullable<ModuleDetail["draftChanges"]> }) {
  const { t } = useTranslation("modules");
  const groups = (["added", "changed", "removed"] as const).filter((g) => changes[g].length > 0);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t("authoring.changes", { number: changes.from })}</Text>
      {groups.length === 0 ? (
        <Text size="sm">{t("authoring.noChanges")}</Text>
      ) : (
        <List size="sm">
          {groups.flatMap((group) =>
            changes[group].map((block) => (
              <List.Item key={`${group}-${block.key}`}>
                {t(`authoring.${group}`)}: {t(`kinds.${block.kind}`)}
                {block.title ? ` “${block.title}”` : ""}
              </List.Item>
            )),
          )}
        </List>
      )}
    </Stack>
  );
}

/** A network module adapted locally: a copy of the published version, to edit as the organisation's own. */
function CopyModule({ detail }: { detail: ModuleDetail }) {
  const { t } = useTranslation("modules");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const published = detail.versions.find((v) => v.status === "published");
  const copy = useAction(async () => {
    const made = await api<ModuleDetail>("/modules", {
      body: {
        title: t("detail.copyTitle", { title: detail.module.title }),
        owner: "organisation",
        from: published?.id,
      },
    });
    await queryClient.invalidateQueries({ queryKey: moduleKeys.list, exact: true });
    notifySuccess(t("detail.copied"));
    const draft = made.versions[0];
    navigate(draft ? editorPath(made.module.id, draft.id) : `/modules/${made.module.id}`);
  });
  if (!published || detail.module.owner !== "network") return null;
  return (
    <Group>
      <Button variant="default" onClick={() => copy.run()} loading={copy.pending}>
        {t("detail.copy")}
      </Button>
      <FormError message={copy.error} />
    </Group>
  );
}

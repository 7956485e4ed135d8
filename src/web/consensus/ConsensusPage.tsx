import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { VersionView } from "../../domain/competences/api";
import type { ConsensusView } from "../../domain/competences/consensus-api";
import type { Framework } from "../../domain/competences/framework";
import { api } from "../api";
import { useAction, useApiSubmit } from "../forms";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { notifySuccess } from "../shell/notify";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

/** Every item of the document with its text in the reader's language: competences, skills, behaviours. */
function itemsOf(document: Framework, locale: "nl" | "en") {
  const items: Array<{ key: string; label: string; depth: number }> = [];
  for (const c of document.competences) {
    items.push({ key: c.key, label: c.name[locale], depth: 0 });
    for (const s of c.skills) {
      items.push({ key: s.key, label: s.name[locale], depth: 1 });
      for (const b of s.behaviours) items.push({ key: b.key, label: b.text[locale], depth: 2 });
    }
  }
  return items;
}

export default function ConsensusPage() {
  const { frameworkId = "", versionId = "" } = useParams();
  const { t, i18n } = useTranslation("consensus");
  const base = `/frameworks/${frameworkId}/versions/${versionId}`;
  const key = ["consensus", versionId] as const;
  const consensus = useQuery({ queryKey: key, queryFn: () => api<ConsensusView>(`${base}/consensus`) });
  const version = useQuery({ queryKey: ["framework-version", versionId], queryFn: () => api<VersionView>(base) });
  if (consensus.isPending || version.isPending) return <Loading />;
  if (consensus.isError) return <FormError message={consensus.error.message} />;
  if (version.isError) return <FormError message={version.error.message} />;
  const view = consensus.data;
  const locale = i18n.language === "en" ? "en" : "nl";
  const items = itemsOf(version.data.document, locale);
  return (
    <Stack maw={960}>
      <PageTitle>{t("title", { number: view.number })}</PageTitle>
      <Text>{t("intro")}</Text>
      <Alert color={view.state === "rejected" ? "red" : view.state === "agreed" ? "green" : "blue"} role="status">
        <Text>{t(`status.${view.status}`, { round: view.round })}</Text>
        <Text>{view.rule.kind === "all" ? t("rule.all") : t("rule.quorum", { min: view.rule.min })}</Text>
        {view.status === "voting" && <Text>{t(`state.${view.state}`)}</Text>}
      </Alert>
      <Members view={view} />
      {view.policies.vote && <VoteForm base={base} items={items} queryKey={key} />}
      {(view.policies.open || view.policies.withdraw || view.status === "voting") && version.data.policies.edit && (
        <CoordinatorActions base={base} view={view} queryKey={key} />
      )}
      <Comments view={view} items={items} />
      {view.history.length > 0 && <History view={view} />}
    </Stack>
  );
}

function Members({ view }: { view: ConsensusView }) {
  const { t } = useTranslation("consensus");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consensus-members">
      <Title order={2} size="h4" mb="sm" id="consensus-members">
        {t("members.heading")}
      </Title>
      <ListTable<ConsensusView["members"][number]>
        rows={view.members}
        rowKey={(m) => m.name}
        caption={t("members.caption")}
        minWidth={480}
        compact
        cards={{}}
        columns={[
          { key: "name", header: t("members.organisation"), primary: true, cell: (m) => m.name },
          { key: "vote", header: t("members.vote"), cell: (m) => t(`members.${m.status}`) },
          { key: "reason", header: t("members.reason"), cell: (m) => m.reason ?? "" },
        ]}
      />
    </Paper>
  );
}

function VoteForm({
  base,
  items,
  queryKey,
}: {
  base: string;
  items: Array<{ key: string; label: string; depth: number }>;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation("consensus");
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { kind: "approve", itemKey: "", body: "" } });
  const { run, formError, pending } = useApiSubmit(form);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consensus-vote">
      <Title order={2} size="h4" mb="sm" id="consensus-vote">
        {t("vote.heading")}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const ok = await run(async () => {
            const view = await api<ConsensusView>(`${base}/votes`, {
              method: "POST",
              body: {
                kind: values.kind,
                itemKey: values.kind === "comment" && values.itemKey ? values.itemKey : null,
                body: values.kind === "approve" ? null : values.body,
              },
            });
            queryClient.setQueryData(queryKey, view);
          });
          if (ok) {
            notifySuccess(t("vote.sent"));
            form.setValues({ kind: "approve", itemKey: "", body: "" });
          }
        })}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t("vote.kind")}
            data={["approve", "reject", "comment"].map((k) => ({ value: k, label: t(`vote.${k}`) }))}
            {...form.getInputProps("kind")}
          />
          {form.values.kind === "comment" && (
            <NativeSelect
              label={t("vote.item")}
              data={[
                { value: "", label: t("comments.whole") },
                ...items.map((i) => ({ value: i.key, label: `${"— ".repeat(i.depth)}${i.label}` })),
              ]}
              {...form.getInputProps("itemKey")}
            />
          )}
          {form.values.kind !== "approve" && (
            <Textarea label={t("vote.body")} required autosize minRows={2} {...form.getInputProps("body")} />
          )}
          {formError && <FormError message={formError} />}
          <Group>
            <Button type="submit" loading={pending}>
              {t("vote.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CoordinatorActions({
  base,
  view,
  queryKey,
}: {
  base: string;
  view: ConsensusView;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation("consensus");
  const queryClient = useQueryClient();
  const action = useAction(async (path: "voting" | "publish" | "withdraw") => {
    const next = await api<ConsensusView>(`${base}/${path}`, { method: "POST", body: {} });
    queryClient.setQueryData(queryKey, next);
    notifySuccess(t("coordinator.done"));
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consensus-coordinator">
      <Title order={2} size="h4" mb="sm" id="consensus-coordinator">
        {t("coordinator.heading")}
      </Title>
      <Stack gap="sm">
        <Group wrap="wrap">
          {view.policies.open && (
            <Button onClick={() => action.run("voting")} loading={action.pendingInput === "voting"}>
              {t("coordinator.open")}
            </Button>
          )}
          {view.status === "voting" && (
            <Button
              onClick={() => action.run("publish")}
              disabled={!view.policies.publish}
              aria-describedby={view.policies.publish ? undefined : "consensus-not-agreed"}
              loading={action.pendingInput === "publish"}
            >
              {t("coordinator.publish")}
            </Button>
          )}
          {view.policies.withdraw && (
            <Button
              variant="default"
              color="red"
              onClick={() => action.run("withdraw")}
              loading={action.pendingInput === "withdraw"}
            >
              {t("coordinator.withdraw")}
            </Button>
          )}
        </Group>
        {view.status === "voting" && !view.policies.publish && (
          <Text size="sm" id="consensus-not-agreed">
            {t("coordinator.notAgreed")}
          </Text>
        )}
        {action.error && <FormError message={action.error} />}
      </Stack>
    </Paper>
  );
}

function Comments({ view, items }: { view: ConsensusView; items: Array<{ key: string; label: string }> }) {
  const { t } = useTranslation("consensus");
  const groups = new Map<string, ConsensusView["comments"]>();
  for (const c of view.comments) groups.set(c.itemKey ?? "", [...(groups.get(c.itemKey ?? "") ?? []), c]);
  const label = (key: string) => (key ? (items.find((i) => i.key === key)?.label ?? key) : t("comments.whole"));
  const ordered = [...groups.keys()].sort(
    (a, b) => items.findIndex((i) => i.key === a) - items.findIndex((i) => i.key === b),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consensus-comments">
      <Title order={2} size="h4" mb="sm" id="consensus-comments">
        {t("comments.heading")}
      </Title>
      {ordered.length === 0 ? (
        <Text size="sm">{t("comments.none")}</Text>
      ) : (
        <Stack gap="sm">
          {ordered.map((key) => (
            <div key={key}>
              <Title order={3} size="h5">
                {label(key)}
              </Title>
              <Stack component="ul" gap={4} pl="md" m={0}>
                {(groups.get(key) ?? []).map((c) => (
                  <li key={`${c.at}-${c.organisationName}`}>
                    <Text size="sm">
                      <strong>
                        {c.organisationName}
                        {c.authorName ? ` (${c.authorName})` : ""}
                      </strong>
                      {` · ${t("comments.round", { round: c.round })}: `}
                      {c.body}
                    </Text>
                  </li>
                ))}
              </Stack>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function History({ view }: { view: ConsensusView }) {
  const { t } = useTranslation("consensus");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consensus-history">
      <Title order={2} size="h4" mb="sm" id="consensus-history">
        {t("history.heading")}
      </Title>
      <Stack gap="sm">
        {view.history.map((round) => (
          <div key={round.round}>
            <Title order={3} size="h5">
              {t("history.round", { round: round.round })}
            </Title>
            <Stack component="ul" gap={4} pl="md" m={0}>
              {round.votes.map((v) => (
                <li key={v.organisationName}>
                  <Text size="sm">
                    {v.organisationName}: {t(`members.${v.kind === "approve" ? "approved" : "rejected"}`)}
                    {v.reason ? ` — ${v.reason}` : ""}
                  </Text>
                </li>
              ))}
            </Stack>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

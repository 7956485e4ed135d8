import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { learningLineComplete } from "../../domain/certificates/certificate";
import { followSuggestedOrder, moveItem, type PathItem, type PathItemStatus } from "../../domain/competences/path";
import type { LearningPathView, PathItemView } from "../../domain/competences/path-api";
import { api } from "../api";
import { AttendedEvents } from "../events/AttendedEvents";
import { useAction } from "../forms";
import { formatDate } from "../i18n";
import { CertificateButton } from "../modules/CertificateButton";
import { useModuleList } from "../modules/model";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import "../modules/texts";
import "./texts";

type View = LearningPathView;
type Path = NonNullable<View["path"]>;
/** A path that is stored: it has an id and a version. */
type StoredPath = Path & { id: string; version: number };
type Localized = { nl: string; en: string };

const pathKey = ["learning-path"] as const;

interface ItemValues extends Record<string, unknown> {
  competence: string;
  status: PathItemStatus;
  note: string;
  own: boolean;
}
type Values = { items: ItemValues[] };

/** The page's items as the domain's rules read them (moving, following the suggested order), and back. */
const toDomain = (items: readonly ItemValues[]): PathItem[] =>
  items.map((i) => ({ ...i, note: i.note || null, behaviours: [], module: null, closed: false }));
const fromDomain = (items: readonly PathItem[]): ItemValues[] =>
  items.map((i) => ({ competence: i.competence, status: i.status, note: i.note ?? "", own: i.own }));

function useWords() {
  const { t, i18n } = useTranslation("learningPaths");
  const lang: keyof Localized = i18n.language === "en" ? "en" : "nl";
  const number = (value: number) =>
    new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 }).format(value);
  return { t, lang, number, date: (value: string) => formatDate(value, i18n.language) };
}

export default function LearningPathPage() {
  const { t } = useWords();
  const query = useQuery({ queryKey: pathKey, queryFn: () => api<View>("/learning-path") });
  return (
    <Stack maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : (
        <Content view={query.data} reload={async () => (await query.refetch()).data} />
      )}
      <AttendedEvents />
    </Stack>
  );
}

function Content({ view, reload }: { view: View; reload: () => Promise<View | undefined> }) {
  const { t } = useWords();
  const path = view.path;
  if (!path || !view.framework)
    return (
      <Alert title={t("none.title")} color="gray" role="status">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t("none.body")}</Text>
          <Button component={Link} to="/zelfscan" variant="light" size="xs">
            {t("none.link")}
          </Button>
        </Stack>
      </Alert>
    );
  if (path.id === null || path.version === null) return <FirstPath view={view} path={path} />;
  return (
    <>
      <PathEditor view={view} path={path as StoredPath} reload={reload} />
      {learningLineComplete(path.items) && <CertificateButton subject={{ frameworkId: view.framework.id }} />}
      <Progress view={view} />
    </>
  );
}

/** The path a finished scan proposes before there is one: shown, and made on request. */
function FirstPath({ view, path }: { view: View; path: Path }) {
  const { t, date } = useWords();
  const queryClient = useQueryClient();
  const make = useAction(async () => {
    const made = await api<View>("/learning-path", {
      method: "POST",
      body: { frameworkId: view.framework?.id, scanId: path.scan.id },
    });
    queryClient.setQueryData(pathKey, made);
    notifications.show({ color: "green", message: t("first.made") });
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="first-path">
      <Stack>
        <Title order={2} size="h3" id="first-path">
          {t("first.title")}
        </Title>
        <Text>{t("first.body", { date: date(path.scan.finishedAt) })}</Text>
        {path.items.length ? (
          <Stack component="ol" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {path.items.map((item, index) => (
              <Paper withBorder p="sm" component="li" key={item.competence}>
                <ItemFacts item={item} index={index} scale={view.scale} frameworkId={view.framework?.id} />
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t("first.empty")}</Text>
        )}
        <FormError message={make.error} />
        <Group>
          <Button onClick={() => make.run()} loading={make.pending}>
            {t("first.make")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What the scan says of an item: its name, level and target in words and numbers, the behaviours to work on. */
function ItemFacts({
  item,
  index,
  scale,
  frameworkId,
  name,
  status,
}: {
  item: PathItemView | undefined;
  index: number;
  scale: View["scale"];
  frameworkId?: string | undefined;
  name?: string;
  status?: PathItemStatus;
}) {
  const { t, lang, number } = useWords();
  const levelName = (value: number | null) => {
    if (value === null) return "";
    const reached = scale.filter((l) => l.value <= value + 1e-9).at(-1) ?? scale[0];
    return reached?.name[lang] ?? "";
  };
  const shownStatus = status ?? item?.status ?? "chosen";
  const title = name ?? item?.name[lang] ?? "";
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {t("item.position", { n: index + 1 })}: {title}
        </Title>
        <Group gap={4}>
          <Badge variant={shownStatus === "done" ? "filled" : "light"} color={statusColour[shownStatus]}>
            {t(`status.${shownStatus}`)}
          </Badge>
          {item?.own && (
            <Badge variant="outline" color="gray.8">
              {t("item.own")}
            </Badge>
          )}
          {item?.closed && (
            <Badge variant="outline" color="gray.8">
              {t("item.closed")}
            </Badge>
          )}
        </Group>
      </Group>
      {item && (
        <Text size="sm">
          {item.level === null
            ? t("item.noLevel", { target: number(item.target), targetName: levelName(item.target) })
            : t("item.level", {
                level: number(item.level),
                levelName: levelName(item.level),
                target: number(item.target),
                targetName: levelName(item.target),
              })}
          {" · "}
          {item.gap > 0 ? t("item.gap", { gap: number(item.gap) }) : t("item.noGap")}
        </Text>
      )}
      {item?.behaviours.length ? (
        <>
          <Text size="sm" fw={600}>
            {t("item.behaviours")}
          </Text>
          <List size="sm" spacing={2}>
            {item.behaviours.map((b) => (
              <List.Item key={b.key}>{b.text[lang]}</List.Item>
            ))}
          </List>
        </>
      ) : (
        !item && (
          <Text size="sm" c="dimmed">
            {t("item.noBehaviours")}
          </Text>
        )
      )}
      {item && <ItemModules competence={item.competence} frameworkId={frameworkId} />}
    </Stack>
  );
}

/** The published modules that work on a competence of the path, with the owner's progress in each. */
function ItemModules({ competence, frameworkId }: { competence: string; frameworkId: string | undefined }) {
  const { t } = useWords();
  const { t: tm } = useTranslation("modules");
  const modules = (useModuleList().data?.modules ?? []).filter(
    (m) => m.published && m.frameworkId === frameworkId && m.competences.some((c) => c.key === competence),
  );
  if (!modules.length)
    return (
      <Text size="sm" c="dimmed">
        {t("item.noModule")}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {tm("path.modules")}
      </Text>
      <List size="sm">
        {modules.map((m) => (
          <List.Item key={m.id}>
            <Anchor component={Link} to={`/modules/${m.id}`}>
              {m.title}
            </Anchor>{" "}
            (
            {m.progress === null
              ? tm("path.notStarted")
              : m.progress.complete
                ? tm("path.complete")
                : tm("path.progress", { done: m.progress.done, total: m.progress.total })}
            )
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Colours that keep their contrast: the organisation's own for what is chosen or done, grey for the rest. */
const statusColour: Record<PathItemStatus, string | undefined> = {
  suggested: "gray",
  chosen: undefined,
  postponed: "gray",
  done: undefined,
};

function PathEditor({ view, path, reload }: { view: View; path: StoredPath; reload: () => Promise<View | undefined> }) {
  const { t, lang, date } = useWords();
  const queryClient = useQueryClient();
  const frameworkId = view.framework?.id;
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: path,
    toForm: (row): Values => ({
      items: row.items.map((i) => ({ competence: i.competence, status: i.status, note: i.note ?? "", own: i.own })),
    }),
    version: (row) => row.version,
    reload: async () => {
      const fresh = (await reload())?.path;
      return fresh?.id && fresh.version !== null ? (fresh as StoredPath) : undefined;
    },
    save: async (values, version) => {
      const saved = await api<View>("/learning-path", {
        method: "PUT",
        body: {
          frameworkId,
          items: values.items.map((i) => ({ competence: i.competence, status: i.status, note: i.note.trim() || null })),
          version,
        },
      });
      queryClient.setQueryData(pathKey, saved);
      return saved.path as StoredPath;
    },
    onSaved: () => notifications.show({ color: "green", message: t("saved") }),
  });
  const [adding, setAdding] = useState<string | null>(null);
  const items = form.getValues().items;
  const facts = new Map(path.items.map((i) => [i.competence, i]));
  const names = new Map(view.competences.map((c) => [c.key, c.name[lang]]));
  const nameOf = (competence: string) => facts.get(competence)?.name[lang] ?? names.get(competence) ?? competence;
  const setItems = (next: ItemValues[]) => form.setFieldValue("items", next);
  const setStatus = (index: number, status: PathItemStatus) => form.setFieldValue(`items.${index}.status`, status);
  const addable = view.competences.filter((c) => !items.some((i) => i.competence === c.key));
  const dirty = form.isDirty();

  return (
    <Stack>
      {view.proposal && <ProposalBanner view={view} path={path} dirty={dirty} />}
      <form noValidate onSubmit={onSubmit()}>
        <Stack>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h3">
              {t("list.heading")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("basedOn", { date: date(path.scan.finishedAt) })}
            </Text>
          </Group>
          <VersionNotices {...notices} />
          {items.length === 0 && <Text c="dimmed">{t("list.empty")}</Text>}
          <Stack component="ol" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {items.map((item, index) => {
              const name = nameOf(item.competence);
              const competenceError = form.errors[`items.${index}.competence`];
              return (
                <Paper withBorder p="md" component="li" key={item.competence}>
                  <Stack gap="sm">
                    <ItemFacts
                      item={facts.get(item.competence)}
                      index={index}
                      scale={view.scale}
                      frameworkId={view.framework?.id}
                      name={name}
                      status={item.status}
                    />
                    {competenceError && (
                      <Text c="red" size="sm" role="alert">
                        {competenceError}
                      </Text>
                    )}
                    <Textarea
                      label={t("item.note", { name })}
                      placeholder={t("item.notePlaceholder")}
                      autosize
                      minRows={1}
                      maxLength={2000}
                      {...form.getInputProps(`items.${index}.note`)}
                    />
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t("item.upLabel", { name })}
                        disabled={index === 0}
                        onClick={() => setItems(fromDomain(moveItem(toDomain(items), index, -1)))}
                      >
                        {t("item.up")}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t("item.downLabel", { name })}
                        disabled={index === items.length - 1}
                        onClick={() => setItems(fromDomain(moveItem(toDomain(items), index, 1)))}
                      >
                        {t("item.down")}
                      </Button>
                      {item.status !== "done" &&
                        (item.status === "postponed" ? (
                          <Button size="xs" variant="default" onClick={() => setStatus(index, "chosen")}>
                            {t("item.resume")}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`${t("item.postpone")}: ${name}`}
                            onClick={() => setStatus(index, "postponed")}
                          >
                            {t("item.postpone")}
                          </Button>
                        ))}
                      {item.status === "done" ? (
                        <Button size="xs" variant="default" onClick={() => setStatus(index, "chosen")}>
                          {t("item.undone")}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t("item.done")}: ${name}`}
                          onClick={() => setStatus(index, "done")}
                        >
                          {t("item.done")}
                        </Button>
                      )}
                      {item.own && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t("item.remove")}: ${name}`}
                          onClick={() => form.removeListItem("items", index)}
                        >
                          {t("item.remove")}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          <Paper withBorder p="md" component="section" aria-labelledby="path-add">
            <Title order={3} size="h4" mb="sm" id="path-add">
              {t("add.heading")}
            </Title>
            {addable.length ? (
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t("add.label")}
                  placeholder={t("add.placeholder")}
                  data={addable.map((c) => ({ value: c.key, label: c.name[lang] }))}
                  value={adding}
                  onChange={setAdding}
                  style={{ flex: "1 1 14rem" }}
                />
                <Button
                  variant="light"
                  disabled={!adding}
                  onClick={() => {
                    if (!adding) return;
                    form.insertListItem("items", { competence: adding, status: "chosen", note: "", own: true });
                    setAdding(null);
                  }}
                >
                  {t("add.button")}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t("add.all")}
              </Text>
            )}
          </Paper>
          <Stack gap={4}>
            <Group>
              <Button
                variant="default"
                onClick={() => setItems(fromDomain(followSuggestedOrder(toDomain(items), path.suggestedOrder)))}
              >
                {t("follow")}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t("followHelp")}
            </Text>
          </Stack>
          {dirty && (
            <Text size="sm" role="status">
              {t("unsaved")}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={pending}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** What a newer scan proposes: shown with what it changes; taken over only on request. */
function ProposalBanner({ view, path, dirty }: { view: View; path: StoredPath; dirty: boolean }) {
  const { t, lang, date } = useWords();
  const queryClient = useQueryClient();
  const proposal = view.proposal;
  const accept = useAction(async () => {
    try {
      const accepted = await api<View>("/learning-path/accept-proposal", {
        method: "POST",
        body: { frameworkId: view.framework?.id, scanId: proposal?.scan.id, version: path.version },
      });
      queryClient.setQueryData(pathKey, accepted);
      notifications.show({ color: "green", message: t("proposal.accepted") });
    } catch (error) {
      await queryClient.invalidateQueries({ queryKey: pathKey });
      throw error;
    }
  });
  if (!proposal) return null;
  const names = new Map(proposal.items.map((i) => [i.competence, i.name[lang]]));
  const list = (keys: string[]) => keys.map((k) => names.get(k) ?? k).join(", ");
  const changed = proposal.added.length + proposal.closed.length + proposal.reordered.length > 0;
  return (
    <Alert color="blue" variant="light" title={t("proposal.title")} role="region" aria-label={t("proposal.title")}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t("proposal.body", { date: date(proposal.scan.finishedAt) })}</Text>
        {changed ? (
          <List size="sm" spacing={2}>
            {proposal.added.length > 0 && <List.Item>{t("proposal.added", { names: list(proposal.added) })}</List.Item>}
            {proposal.closed.length > 0 && (
              <List.Item>{t("proposal.closed", { names: list(proposal.closed) })}</List.Item>
            )}
            {proposal.reordered.length > 0 && (
              <List.Item>{t("proposal.reordered", { names: list(proposal.reordered) })}</List.Item>
            )}
          </List>
        ) : (
          <Text size="sm">{t("proposal.nothing")}</Text>
        )}
        <FormError message={accept.error} />
        {dirty && <Text size="sm">{t("proposal.saveFirst")}</Text>}
        <Button size="sm" onClick={() => accept.run()} loading={accept.pending} disabled={dirty}>
          {t("proposal.accept")}
        </Button>
      </Stack>
    </Alert>
  );
}

function Progress({ view }: { view: View }) {
  const { t, lang, number } = useWords();
  if (!view.progress.length) return null;
  const shown = (value: number | null) => (value === null ? t("progress.unknown") : number(value));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="path-progress">
      <Title order={2} size="h3" id="path-progress" mb="xs">
        {t("progress.heading")}
      </Title>
      <Text size="sm" mb="sm">
        {t("progress.intro")}
      </Text>
      <List spacing="xs">
        {view.progress.map((p) => (
          <List.Item key={p.competence}>
            <Text span fw={600}>
              {p.name[lang]}
            </Text>
            {": "}
            {p.scans > 1
              ? t("progress.line", { first: shown(p.first), latest: shown(p.latest), target: number(p.target) })
              : t("progress.single", { latest: shown(p.latest), target: number(p.target) })}
            {p.done ? ` · ${t("progress.done")}` : ""}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

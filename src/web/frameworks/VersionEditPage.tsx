import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { saveVersionSchema } from "../../domain/competences/api";
import type { Framework } from "../../domain/competences/framework";
import { api } from "../api";
import { schemaResolver, useIssueText } from "../forms";
import { localeOf } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { DocumentEditPage, type DocumentKind } from "../shell/DocumentEditPage";
import { GroupMessage, NewEntry } from "../shell/NewEntry";
import { ImportSection } from "./ImportSection";
import { frameworkKeys, keysOf, useFramework, type VersionView, versionPath } from "./model";
import "./texts";

interface Values extends Record<string, unknown> {
  document: Framework;
  changeNote: string;
}
type Form = UseFormReturnType<Values>;

/** The fields this page draws; a message at any other part of the document is listed at the bottom. */
const PLACED = [
  /^document\.name\.(nl|en)$/,
  /^document\.competences(\.\d+(\.(key|name\.(nl|en)|skills(\.\d+(\.(key|name\.(nl|en)|behaviours(\.\d+(\.(key|text\.(nl|en)))?)?))?)?))?)?$/,
  /^document\.scale(\.\d+(\.(value|name\.(nl|en)))?)?$/,
  /^document\.variants(\.\d+(\.(key|name\.(nl|en)|targets(\.[a-z0-9_]+)?))?)?$/,
  /^changeNote$/,
];

function useVersion(versionId: string) {
  const { frameworkId = "" } = useParams();
  return useQuery({
    queryKey: frameworkKeys.version(versionId),
    queryFn: () => api<VersionView>(versionPath(frameworkId, versionId)),
  });
}

/** A draft version of a competence framework, edited in the browser: its items in Dutch and English, the scale and the targets. */
export default function VersionEditPage() {
  return <DocumentEditPage kind={VERSION} />;
}

const VERSION: DocumentKind<VersionView, Values> = {
  namespace: "frameworks",
  texts: {
    back: "edit.back",
    notFound: "edit.notFound",
    save: "edit.save",
    saved: "edit.saved",
    otherErrors: "edit.otherErrors",
  },
  backTo: (params) => `/kaders/${params.frameworkId ?? ""}`,
  param: "versionId",
  useView: useVersion,
  // The form edits a copy, so the version in the query cache stays as the server sent it.
  toForm: (view) => ({ document: structuredClone(view.document), changeNote: view.changeNote ?? "" }),
  path: (view) => versionPath(view.frameworkId, view.id),
  body: (values, version) => ({
    document: values.document,
    changeNote: values.changeNote.trim() || null,
    version,
  }),
  afterSave: async (queryClient, saved) => {
    queryClient.setQueryData(frameworkKeys.version(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: frameworkKeys.framework(saved.frameworkId) });
    await queryClient.invalidateQueries({ queryKey: frameworkKeys.list, exact: true });
  },
  // The server's own rules, said at the field before a save: the schema of the request itself.
  useValidate: () => {
    const issueText = useIssueText();
    return schemaResolver<Values>(saveVersionSchema, issueText, (values) => ({
      document: values.document,
      changeNote: values.changeNote.trim() || null,
      version: 1,
    }));
  },
  placed: PLACED,
  Intro: VersionIntro,
  Sections: VersionSections,
};

function VersionIntro({ view }: { view: VersionView }) {
  const { t } = useTranslation("frameworks");
  return (
    <Alert
      color={view.policies.edit ? "blue" : "yellow"}
      variant="light"
      styles={{ message: { color: "var(--mantine-color-text)" } }}
    >
      {t("edit.versionN", { number: view.number, status: t(`status.${view.status}`) })}{" "}
      {view.policies.edit ? t("edit.intro") : t("edit.readOnly")}
      {view.status === "voting" && view.policies.edit && ` ${t("edit.newRound")}`}
    </Alert>
  );
}

/** Buttons that move an item of a list up or down, named after the item. */
function MoveButtons({
  form,
  path,
  index,
  count,
  name,
}: {
  form: Form;
  path: string;
  index: number;
  count: number;
  name: string;
}) {
  const { t } = useTranslation("frameworks");
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="compact-sm"
        disabled={index === 0}
        onClick={() => form.reorderListItem(path, { from: index, to: index - 1 })}
        aria-label={t("edit.moveUp", { name })}
      >
        ↑
      </Button>
      <Button
        variant="default"
        size="compact-sm"
        disabled={index === count - 1}
        onClick={() => form.reorderListItem(path, { from: index, to: index + 1 })}
        aria-label={t("edit.moveDown", { name })}
      >
        ↓
      </Button>
    </Group>
  );
}

/** Retire an item that a published version has (it stays, marked), or remove one that is new in this draft. */
function RetireOrRemove({
  form,
  listPath,
  index,
  published,
  itemKey,
  retired,
  name,
}: {
  form: Form;
  listPath: string;
  index: number;
  published: Set<string>;
  itemKey: string;
  retired: boolean;
  name: string;
}) {
  const { t } = useTranslation("frameworks");
  if (!published.has(itemKey))
    return (
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => form.removeListItem(listPath, index)}
        aria-label={t("edit.removeNamed", { name })}
      >
        {t("edit.remove")}
      </Button>
    );
  return (
    <Checkbox
      label={t("edit.retired")}
      aria-label={t("edit.retireNamed", { name })}
      checked={retired}
      onChange={(e) => form.setFieldValue(`${listPath}.${index}.retired`, e.currentTarget.checked)}
    />
  );
}

function VersionSections({ form, view }: { form: Form; view: VersionView }) {
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const framework = useFramework(view.frameworkId);
  // What a published version holds is retired, never removed: scans point at it.
  const published = new Set(framework.data?.effective ? keysOf(framework.data.effective.document) : []);
  const document = form.values.document;
  const taken = keysOf(document);
  const label = (text: { nl: string; en: string }, fallback: string) => text[locale] || text.nl || fallback;

  return (
    <>
      <Section id="version-general" title={t("edit.general")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("edit.nameNl")} required maxLength={200} {...form.getInputProps("document.name.nl")} />
          <TextInput label={t("edit.nameEn")} required maxLength={200} {...form.getInputProps("document.name.en")} />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label={t("edit.changeNote")}
          description={t("edit.changeNoteHint")}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps("changeNote")}
        />
      </Section>

      {view.policies.edit && (
        <Section id="version-import" title={t("import.title")}>
          <ImportSection form={form} />
        </Section>
      )}

      <Section id="version-competences" title={t("edit.competences")}>
        <Stack gap="md">
          {document.competences.map((competence, c) => {
            const path = `document.competences.${c}`;
            const name = label(competence.name, String(c + 1));
            return (
              <Fieldset key={competence.key} legend={t("edit.competenceN", { number: c + 1, name })}>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      label={t("edit.competenceNl", { number: c + 1 })}
                      required
                      maxLength={200}
                      {...form.getInputProps(`${path}.name.nl`)}
                    />
                    <TextInput
                      label={t("edit.competenceEn", { number: c + 1 })}
                      required
                      maxLength={200}
                      {...form.getInputProps(`${path}.name.en`)}
                    />
                  </SimpleGrid>
                  <Group justify="space-between">
                    <MoveButtons
                      form={form}
                      path="document.competences"
                      index={c}
                      count={document.competences.length}
                      name={name}
                    />
                    <RetireOrRemove
                      form={form}
                      listPath="document.competences"
                      index={c}
                      published={published}
                      itemKey={competence.key}
                      retired={competence.retired}
                      name={name}
                    />
                  </Group>
                  <GroupMessage form={form} path={path} />
                  {competence.skills.map((skill, s) => {
                    const skillPath = `${path}.skills.${s}`;
                    const skillName = label(skill.name, `${c + 1}.${s + 1}`);
                    return (
                      <Paper key={skill.key} withBorder p="sm">
                        <Stack gap="xs">
                          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                            <TextInput
                              label={t("edit.skillNl", { number: `${c + 1}.${s + 1}` })}
                              required
                              maxLength={200}
                              {...form.getInputProps(`${skillPath}.name.nl`)}
                            />
                            <TextInput
                              label={t("edit.skillEn", { number: `${c + 1}.${s + 1}` })}
                              required
                              maxLength={200}
                              {...form.getInputProps(`${skillPath}.name.en`)}
                            />
                          </SimpleGrid>
                          <Group justify="space-between">
                            <MoveButtons
                              form={form}
                              path={`${path}.skills`}
                              index={s}
                              count={competence.skills.length}
                              name={skillName}
                            />
                            <RetireOrRemove
                              form={form}
                              listPath={`${path}.skills`}
                              index={s}
                              published={published}
                              itemKey={skill.key}
                              retired={skill.retired}
                              name={skillName}
                            />
                          </Group>
                          {skill.behaviours.map((behaviour, b) => {
                            const behaviourPath = `${skillPath}.behaviours.${b}`;
                            const number = `${c + 1}.${s + 1}.${b + 1}`;
                            const behaviourName = label(behaviour.text, number);
                            return (
                              <Paper key={behaviour.key} withBorder p="xs" bg="var(--mantine-color-gray-0)">
                                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                                  <Textarea
                                    label={t("edit.behaviourNl", { number })}
                                    required
                                    autosize
                                    maxLength={500}
                                    {...form.getInputProps(`${behaviourPath}.text.nl`)}
                                  />
                                  <Textarea
                                    label={t("edit.behaviourEn", { number })}
                                    required
                                    autosize
                                    maxLength={500}
                                    {...form.getInputProps(`${behaviourPath}.text.en`)}
                                  />
                                </SimpleGrid>
                                <Group justify="space-between" mt="xs">
                                  <MoveButtons
                                    form={form}
                                    path={`${skillPath}.behaviours`}
                                    index={b}
                                    count={skill.behaviours.length}
                                    name={behaviourName}
                                  />
                                  <RetireOrRemove
                                    form={form}
                                    listPath={`${skillPath}.behaviours`}
                                    index={b}
                                    published={published}
                                    itemKey={behaviour.key}
                                    retired={behaviour.retired}
                                    name={behaviourName}
                                  />
                                </Group>
                              </Paper>
                            );
                          })}
                          <GroupMessage form={form} path={`${skillPath}.behaviours`} />
                          <NewEntry
                            legend={t("edit.addBehaviour", { name: skillName })}
                            nlLabel={t("edit.newBehaviourNl")}
                            enLabel={t("edit.newBehaviourEn")}
                            taken={taken}
                            onAdd={({ key, label: text }) =>
                              form.insertListItem(`${skillPath}.behaviours`, { key, text, retired: false })
                            }
                          />
                        </Stack>
                      </Paper>
                    );
                  })}
                  <GroupMessage form={form} path={`${path}.skills`} />
                  <NewSkill form={form} path={`${path}.skills`} taken={taken} competence={name} />
                </Stack>
              </Fieldset>
            );
          })}
          <GroupMessage form={form} path="document.competences" />
          <NewCompetence form={form} taken={taken} />
        </Stack>
      </Section>

      <Section id="version-scale" title={t("edit.scale")}>
        <Stack gap="sm">
          <Text size="sm">{t("edit.scaleIntro")}</Text>
          {document.scale.map((_, l) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: levels are only added and removed at the end, never moved
            <SimpleGrid key={l} cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t("edit.levelValue", { number: l + 1 })}
                min={0}
                max={10}
                allowDecimal={false}
                {...form.getInputProps(`document.scale.${l}.value`)}
              />
              <TextInput
                label={t("edit.levelNl", { number: l + 1 })}
                required
                maxLength={200}
                {...form.getInputProps(`document.scale.${l}.name.nl`)}
              />
              <TextInput
                label={t("edit.levelEn", { number: l + 1 })}
                required
                maxLength={200}
                {...form.getInputProps(`document.scale.${l}.name.en`)}
              />
            </SimpleGrid>
          ))}
          <GroupMessage form={form} path="document.scale" />
          <Group>
            <Button
              variant="default"
              onClick={() => {
                const top = Math.max(0, ...document.scale.map((l) => l.value));
                form.insertListItem("document.scale", { value: top + 1, name: { nl: "", en: "" } });
              }}
              disabled={document.scale.length >= 10}
            >
              {t("edit.addLevel")}
            </Button>
            <Button
              variant="default"
              onClick={() => form.removeListItem("document.scale", document.scale.length - 1)}
              disabled={document.scale.length <= 2}
            >
              {t("edit.removeLevel")}
            </Button>
          </Group>
        </Stack>
      </Section>

      <Section id="version-targets" title={t("edit.targets")}>
        <Stack gap="md">
          <Text size="sm">{t("edit.targetsIntro")}</Text>
          {document.variants.map((variant, v) => {
            const path = `document.variants.${v}`;
            return (
              <Fieldset key={variant.key} legend={label(variant.name, String(v + 1))}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t("edit.variantNl", { number: v + 1 })}
                    required
                    maxLength={200}
                    {...form.getInputProps(`${path}.name.nl`)}
                  />
                  <TextInput
                    label={t("edit.variantEn", { number: v + 1 })}
                    required
                    maxLength={200}
                    {...form.getInputProps(`${path}.name.en`)}
                  />
                  {document.competences
                    .filter((competence) => !competence.retired)
                    .map((competence) => (
                      <NumberInput
                        key={competence.key}
                        label={t("edit.target", {
                          competence: label(competence.name, competence.key),
                          variant: label(variant.name, String(v + 1)),
                        })}
                        min={0}
                        max={10}
                        allowDecimal={false}
                        value={variant.targets[competence.key] ?? ""}
                        onChange={(value) =>
                          form.setFieldValue(
                            `${path}.targets.${competence.key}`,
                            typeof value === "number" ? value : Number(value),
                          )
                        }
                        error={form.errors[`${path}.targets.${competence.key}`]}
                      />
                    ))}
                </SimpleGrid>
              </Fieldset>
            );
          })}
        </Stack>
      </Section>
    </>
  );
}

function NewSkill({
  form,
  path,
  taken,
  competence,
}: {
  form: Form;
  path: string;
  taken: string[];
  competence: string;
}) {
  const { t } = useTranslation("frameworks");
  return (
    <NewEntry
      legend={t("edit.addSkill", { name: competence })}
      nlLabel={t("edit.newSkillNl")}
      enLabel={t("edit.newSkillEn")}
      taken={taken}
      onAdd={({ key, label }) =>
        form.insertListItem(path, {
          key,
          name: label,
          retired: false,
          // A skill needs a behaviour: the first one to fill in.
          behaviours: [{ key: `${key}_1`, text: { nl: "", en: "" }, retired: false }],
        })
      }
    />
  );
}

function NewCompetence({ form, taken }: { form: Form; taken: string[] }) {
  const { t } = useTranslation("frameworks");
  return (
    <NewEntry
      legend={t("edit.addCompetence")}
      nlLabel={t("edit.newCompetenceNl")}
      enLabel={t("edit.newCompetenceEn")}
      taken={taken}
      onAdd={({ key, label }) =>
        form.insertListItem("document.competences", {
          key,
          name: label,
          retired: false,
          skills: [
            {
              key: `${key}_1`,
              name: { nl: "", en: "" },
              retired: false,
              behaviours: [{ key: `${key}_1_1`, text: { nl: "", en: "" }, retired: false }],
            },
          ],
        })
      }
    />
  );
}

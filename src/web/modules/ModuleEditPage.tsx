import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type ModuleVersionView, saveModuleVersionSchema } from "../../domain/modules/api";
import { BLOCK_KINDS, type Block, type BlockKind, type ModuleDocument } from "../../domain/modules/module";
import { useCaseList } from "../cases/model";
import { schemaResolver, useIssueText } from "../forms";
import { localeOf } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { DocumentEditPage, type DocumentKind } from "../shell/DocumentEditPage";
import { GroupMessage } from "../shell/NewEntry";
import { moduleKeys, moduleVersionPath, useModuleVersion } from "./model";
import "./texts";

interface Values extends Record<string, unknown> {
  document: ModuleDocument;
  changeNote: string;
}
type Form = UseFormReturnType<Values>;

const BLOCK_FIELD = "(key|title|body|url|transcript|question|instructions|date|place|trainer|passMark)";
/** The fields this page draws; a message at any other part of the document is listed at the bottom. */
const PLACED = [
  /^document\.(title|summary|minutes)$/,
  /^document\.tags(\.competences(\.\d+(\.(key|level))?)?)?$/,
  new RegExp(`^document\\.blocks(\\.\\d+(\\.${BLOCK_FIELD})?)?$`),
  /^document\.blocks\.\d+\.questions(\.\d+(\.(text|options(\.\d+(\.(text|feedback))?)?))?)?$/,
  /^changeNote$/,
];

const useView = (versionId: string) => useModuleVersion(useParams().moduleId ?? "", versionId);

/** A draft version of a module, edited in the browser: what it works on and its blocks of every kind. */
export default function ModuleEditPage() {
  return <DocumentEditPage kind={MODULE_VERSION} />;
}

const MODULE_VERSION: DocumentKind<ModuleVersionView, Values> = {
  namespace: "modules",
  texts: {
    back: "editor.back",
    notFound: "editor.notFound",
    save: "editor.save",
    saved: "editor.saved",
    otherErrors: "editor.otherErrors",
  },
  backTo: (params) => `/modules/${params.moduleId ?? ""}`,
  param: "versionId",
  useView,
  // The form edits a copy, so the version in the query cache stays as the server sent it.
  toForm: (view) => ({ document: structuredClone(view.document), changeNote: view.changeNote ?? "" }),
  path: (view) => moduleVersionPath(view.moduleId, view.id),
  body: (values, version) => ({ document: values.document, changeNote: values.changeNote.trim() || null, version }),
  afterSave: async (queryClient, saved) => {
    queryClient.setQueryData(moduleKeys.version(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: moduleKeys.module(saved.moduleId) });
    await queryClient.invalidateQueries({ queryKey: moduleKeys.list, exact: true });
  },
  // The server's own rules, said at the field before a save: the schema of the request itself.
  useValidate: () => {
    const issueText = useIssueText();
    return schemaResolver<Values>(saveModuleVersionSchema, issueText, (values) => ({
      document: values.document,
      changeNote: values.changeNote.trim() || null,
      version: 1,
    }));
  },
  placed: PLACED,
  Intro: ({ view }) => {
    const { t } = useTranslation("modules");
    return (
      <Alert
        color={view.mayEdit ? "blue" : "yellow"}
        variant="light"
        styles={{ message: { color: "var(--mantine-color-text)" } }}
      >
        {view.mayEdit ? t("editor.intro", { number: view.number }) : t("editor.readOnly")}
      </Alert>
    );
  },
  Sections: ({ form, view }) => (
    <>
      <Basics form={form} view={view} />
      <Blocks form={form} />
      <ChangeNote form={form} />
    </>
  ),
};

function ChangeNote({ form }: { form: Form }) {
  const { t } = useTranslation("modules");
  return (
    <Textarea
      label={t("editor.changeNote")}
      autosize
      minRows={2}
      maxLength={2000}
      {...form.getInputProps("changeNote")}
    />
  );
}

function Basics({ form, view }: { form: Form; view: ModuleVersionView }) {
  const { t, i18n } = useTranslation("modules");
  const locale = localeOf(i18n.language);
  const tags = form.values.document.tags.competences;
  const unused = view.competences.filter((c) => !tags.some((tag) => tag.key === c.key));
  return (
    <Section id="module-basics" title={t("editor.basics")}>
      <Stack gap="sm">
        <TextInput label={t("editor.title")} required maxLength={200} {...form.getInputProps("document.title")} />
        <Textarea
          label={t("editor.summary")}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps("document.summary")}
        />
        <NumberInput
          label={t("editor.minutes")}
          min={1}
          max={6000}
          allowDecimal={false}
          maw={240}
          {...form.getInputProps("document.minutes")}
        />
        <Fieldset legend={t("editor.tags")}>
          <Stack gap="xs">
            {tags.map((tag, index) => (
              <Group key={tag.key} align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t("editor.competence")}
                  data={view.competences
                    .filter((c) => c.key === tag.key || unused.includes(c))
                    .map((c) => ({ value: c.key, label: c.name[locale] }))}
                  {...form.getInputProps(`document.tags.competences.${index}.key`)}
                />
                <NativeSelect
                  label={t("editor.level")}
                  data={view.levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label[locale]}` }))}
                  value={String(tag.level)}
                  onChange={(event) =>
                    form.setFieldValue(`document.tags.competences.${index}.level`, Number(event.currentTarget.value))
                  }
                  error={form.errors[`document.tags.competences.${index}.level`]}
                />
                <Button
                  variant="default"
                  disabled={tags.length === 1}
                  onClick={() => form.removeListItem("document.tags.competences", index)}
                >
                  {t("editor.removeTag", { number: index + 1 })}
                </Button>
              </Group>
            ))}
            <GroupMessage form={form} path="document.tags.competences" />
            {unused[0] && (
              <Group>
                <Button
                  variant="default"
                  onClick={() =>
                    form.insertListItem("document.tags.competences", {
                      key: unused[0]?.key ?? "",
                      level: tags.at(-1)?.level ?? view.levels[0]?.value ?? 1,
                    })
                  }
                >
                  {t("editor.addTag")}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </Stack>
    </Section>
  );
}

/** A key not yet used among `taken`: the stem, or the stem with the first free number. */
function freeKey(stem: string, taken: readonly string[]) {
  for (let n = 1; ; n++) if (!taken.includes(`${stem}_${n}`)) return `${stem}_${n}`;
}

function newBlock(kind: BlockKind, taken: readonly string[]): Block {
  const key = freeKey(kind, taken);
  switch (kind) {
    case "text":
      return { key, kind, title: "", body: "" };
    case "video":
      return { key, kind, title: "", url: "", transcript: "" };
    case "case":
      return { key, kind, title: "", caseId: "" };
    case "reflection":
      return { key, kind, question: "" };
    case "quiz":
      return { key, kind, title: "", passMark: 1, questions: [newQuestion([])] };
    case "assignment":
      return { key, kind, title: "", instructions: "" };
    case "training":
      return { key, kind, title: "", date: null, place: "", trainer: "" };
  }
}

function newQuestion(taken: readonly string[]) {
  return {
    key: freeKey("q", taken),
    text: "",
    multiple: false,
    options: [
      { key: "a", text: "", correct: true, feedback: "" },
      { key: "b", text: "", correct: false, feedback: "" },
    ],
  };
}

function Blocks({ form }: { form: Form }) {
  const { t } = useTranslation("modules");
  const [kind, setKind] = useState<BlockKind>("text");
  const blocks = form.values.document.blocks;
  return (
    <Section id="module-blocks" title={t("editor.blocks")}>
      <Stack gap="md">
        {blocks.map((block, index) => (
          <Fieldset
            key={block.key}
            legend={t("editor.blockLegend", { number: index + 1, kind: t(`kinds.${block.kind}`) })}
          >
            <Stack gap="sm">
              <BlockFields form={form} block={block} index={index} />
              <Group gap="xs">
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={index === 0}
                  onClick={() => form.reorderListItem("document.blocks", { from: index, to: index - 1 })}
                >
                  {t("editor.moveUp", { number: index + 1 })}
                </Button>
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={index === blocks.length - 1}
                  onClick={() => form.reorderListItem("document.blocks", { from: index, to: index + 1 })}
                >
                  {t("editor.moveDown", { number: index + 1 })}
                </Button>
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={blocks.length === 1}
                  onClick={() => form.removeListItem("document.blocks", index)}
                >
                  {t("editor.remove", { number: index + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <GroupMessage form={form} path="document.blocks" />
        <Group align="flex-end">
          <NativeSelect
            label={t("editor.newKind")}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as BlockKind)}
            data={BLOCK_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <Button
            variant="default"
            onClick={() =>
              form.insertListItem(
                "document.blocks",
                newBlock(
                  kind,
                  blocks.map((b) => b.key),
                ),
              )
            }
          >
            {t("editor.addBlock")}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function BlockFields({ form, block, index }: { form: Form; block: Block; index: number }) {
  const { t } = useTranslation("modules");
  const at = (field: string) => form.getInputProps(`document.blocks.${index}.${field}`);
  const title = <TextInput label={t("editor.blockTitle")} maxLength={200} {...at("title")} />;
  switch (block.kind) {
    case "text":
      return (
        <>
          {title}
          <Textarea label={t("editor.body")} required autosize minRows={4} maxLength={20_000} {...at("body")} />
        </>
      );
    case "video":
      return (
        <>
          <TextInput label={t("editor.blockTitle")} required maxLength={200} {...at("title")} />
          <TextInput label={t("editor.url")} required type="url" maxLength={500} {...at("url")} />
          <Textarea label={t("editor.transcript")} autosize minRows={3} maxLength={50_000} {...at("transcript")} />
        </>
      );
    case "case":
      return <CaseFields form={form} index={index} />;
    case "reflection":
      return (
        <Textarea label={t("editor.question")} required autosize minRows={2} maxLength={2000} {...at("question")} />
      );
    case "assignment":
      return (
        <>
          <TextInput label={t("editor.blockTitle")} required maxLength={200} {...at("title")} />
          <Textarea
            label={t("editor.instructions")}
            required
            autosize
            minRows={3}
            maxLength={10_000}
            {...at("instructions")}
          />
        </>
      );
    case "training":
      return (
        <>
          <TextInput label={t("editor.blockTitle")} required maxLength={200} {...at("title")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t("editor.date")}
              type="date"
              value={block.date ?? ""}
              onChange={(event) =>
                form.setFieldValue(`document.blocks.${index}.date`, event.currentTarget.value || null)
              }
              error={form.errors[`document.blocks.${index}.date`]}
            />
            <TextInput label={t("editor.place")} maxLength={200} {...at("place")} />
            <TextInput label={t("editor.trainer")} maxLength={200} {...at("trainer")} />
          </SimpleGrid>
        </>
      );
    case "quiz":
      return <QuizFields form={form} block={block} index={index} />;
  }
}

/** A case block names an approved case of the library; the server checks the network may read it. */
function CaseFields({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation("modules");
  const approved = useCaseList({ q: "", competence: "", setting: "" }).data?.cases ?? [];
  const at = (field: string) => form.getInputProps(`document.blocks.${index}.${field}`);
  return (
    <>
      <TextInput label={t("editor.blockTitle")} maxLength={200} {...at("title")} />
      {approved.length === 0 ? (
        <Text size="sm">{t("editor.noCases")}</Text>
      ) : (
        <NativeSelect
          label={t("editor.case")}
          required
          data={[
            { value: "", label: t("editor.chooseCase") },
            ...approved.map((c) => ({ value: c.id, label: c.title })),
          ]}
          {...at("caseId")}
        />
      )}
    </>
  );
}

function QuizFields({ form, block, index }: { form: Form; block: Extract<Block, { kind: "quiz" }>; index: number }) {
  const { t } = useTranslation("modules");
  const path = `document.blocks.${index}`;
  return (
    <Stack gap="sm">
      <TextInput label={t("editor.blockTitle")} maxLength={200} {...form.getInputProps(`${path}.title`)} />
      {block.questions.map((question, q) => (
        <Fieldset key={question.key} legend={t("editor.quizQuestion", { number: q + 1 })} variant="filled">
          <Stack gap="xs">
            <Textarea
              label={t("editor.question")}
              required
              autosize
              maxLength={1000}
              {...form.getInputProps(`${path}.questions.${q}.text`)}
            />
            <Checkbox
              label={t("editor.multiple")}
              {...form.getInputProps(`${path}.questions.${q}.multiple`, { type: "checkbox" })}
            />
            {question.options.map((option, o) => (
              <Group key={option.key} align="flex-end" wrap="wrap" gap="xs">
                <TextInput
                  label={t("editor.option", { number: o + 1 })}
                  required
                  maxLength={500}
                  style={{ flex: "1 1 200px" }}
                  {...form.getInputProps(`${path}.questions.${q}.options.${o}.text`)}
                />
                <TextInput
                  label={t("editor.feedback")}
                  maxLength={1000}
                  style={{ flex: "1 1 200px" }}
                  {...form.getInputProps(`${path}.questions.${q}.options.${o}.feedback`)}
                />
                <Checkbox
                  label={t("editor.correct")}
                  mb={8}
                  {...form.getInputProps(`${path}.questions.${q}.options.${o}.correct`, { type: "checkbox" })}
                />
                <Button
                  variant="default"
                  size="compact-sm"
                  mb={6}
                  disabled={question.options.length <= 2}
                  onClick={() => form.removeListItem(`${path}.questions.${q}.options`, o)}
                >
                  {t("editor.removeOption", { number: o + 1 })}
                </Button>
              </Group>
            ))}
            <GroupMessage form={form} path={`${path}.questions.${q}.options`} />
            <Group gap="xs">
              <Button
                variant="default"
                size="compact-sm"
                disabled={question.options.length >= 8}
                onClick={() =>
                  form.insertListItem(`${path}.questions.${q}.options`, {
                    key: freeKey(
                      "o",
                      question.options.map((x) => x.key),
                    ),
                    text: "",
                    correct: false,
                    feedback: "",
                  })
                }
              >
                {t("editor.addOption")}
              </Button>
              <Button
                variant="default"
                size="compact-sm"
                disabled={block.questions.length === 1}
                onClick={() => form.removeListItem(`${path}.questions`, q)}
              >
                {t("editor.removeQuestion", { number: q + 1 })}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <GroupMessage form={form} path={`${path}.questions`} />
      <Group align="flex-end">
        <NumberInput
          label={t("editor.passMark")}
          min={1}
          max={30}
          allowDecimal={false}
          maw={260}
          {...form.getInputProps(`${path}.passMark`)}
        />
        <Button
          variant="default"
          onClick={() => form.insertListItem(`${path}.questions`, newQuestion(block.questions.map((x) => x.key)))}
        >
          {t("editor.addQuestion")}
        </Button>
      </Group>
    </Stack>
  );
}

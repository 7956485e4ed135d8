import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CASE_TEXT_MAX, type CaseView, caseContentSchema } from "../../domain/cases/api";
import { privacyWarnings } from "../../domain/cases/privacy";
import { CASE_SETTINGS, type CaseSetting } from "../../domain/cases/settings";
import { api } from "../api";
import { schemaResolver, useIssueText } from "../forms";
import { useFramework, useFrameworkList } from "../frameworks/model";
import { localeOf } from "../i18n/regime-text";
import { notifySuccess } from "../shell/notify";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import { caseKeys, casePath } from "./model";
import { PrivacyFindings } from "./PrivacyFindings";
import "./texts";

interface Values extends Record<string, unknown> {
  title: string;
  situation: string;
  question: string;
  whatHappened: string;
  setting: CaseSetting;
  owner: "network" | "organisation";
  frameworkId: string;
  competences: string[];
  privacyChecked: boolean;
}

type Intent = "save" | "submit";

const toForm = (row: CaseView | null): Values => ({
  title: row?.title ?? "",
  situation: row?.situation ?? "",
  question: row?.question ?? "",
  whatHappened: row?.whatHappened ?? "",
  setting: (row?.setting as CaseSetting | undefined) ?? "vvt",
  owner: row?.owner ?? "network",
  frameworkId: row?.frameworkId ?? "",
  competences: row?.competences.map((c) => c.key) ?? [],
  privacyChecked: false,
});

const content = (values: Values, frameworkId: string) => ({
  title: values.title,
  situation: values.situation,
  question: values.question,
  whatHappened: values.whatHappened,
  setting: values.setting,
  frameworkId,
  competences: values.competences,
});

/**
 * Writing a case: the situation, the question, what happened, where and what it is about. The
 * privacy check runs as the author types; sending for review asks them to confirm what it found.
 * A new case is saved first; it is sent for review from its own page.
 */
export function CaseEditor({ row, network = true }: { row: CaseView | null; network?: boolean }) {
  const { t, i18n } = useTranslation("cases");
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const issueText = useIssueText();
  const queryClient = useQueryClient();
  const frameworks = (useFrameworkList().data?.frameworks ?? []).filter((f) => f.published);
  // A network case is tagged on a network framework, which every member reads.
  const choicesFor = (owner: Values["owner"]) =>
    frameworks.filter((f) => owner === "organisation" || f.owner === "network");
  const frameworkOf = (values: Values): string => values.frameworkId || choicesFor(values.owner)[0]?.id || "";
  const { form, onSubmit, pending, pendingIntent, notices } = useVersionedForm<CaseView | null, Values, Intent>({
    row,
    toForm,
    version: (current) => current?.version ?? null,
    reload: async () => (row ? api<CaseView>(`/cases/${row.id}`) : undefined),
    validate: schemaResolver(caseContentSchema.pick({ title: true, situation: true, question: true }), issueText),
    save: async (values, version, intent) => {
      const frameworkId = frameworkOf(values);
      if (!row) {
        const made = await api<CaseView>("/cases", { body: { owner: values.owner, ...content(values, frameworkId) } });
        navigate(casePath(made.id), { replace: true });
        return made;
      }
      const saved = await api<CaseView>(`/cases/${row.id}`, {
        method: "PUT",
        body: { ...content(values, frameworkId), version },
      });
      queryClient.setQueryData(caseKeys.case(row.id), saved);
      if (intent !== "submit") return saved;
      const submitted = await api<CaseView>(`/cases/${row.id}/submit`, {
        body: { version: saved.version, privacyChecked: values.privacyChecked },
      });
      queryClient.setQueryData(caseKeys.case(row.id), submitted);
      return submitted;
    },
    onSaved: async (_saved, intent) => {
      await queryClient.invalidateQueries({ queryKey: [...caseKeys.all, "list"] });
      notifySuccess(intent === "submit" ? t("editor.submitted") : t("editor.saved"));
    },
  });
  const values = form.getValues();
  const choices = choicesFor(values.owner);
  const frameworkId = frameworkOf(values);
  const framework = useFramework(frameworkId).data?.effective?.document;
  const competences = framework?.competences.filter((c) => !c.retired) ?? row?.competenceChoices ?? [];
  const warnings = privacyWarnings([values.title, values.situation, values.question, values.whatHappened].join("\n"));

  return (
    <form noValidate onSubmit={onSubmit("save")}>
      <Stack>
        <VersionNotices {...notices} />
        {row?.status === "returned" && row.reviewReason && (
          <Alert color="orange" variant="light">
            {row.reviewedBy
              ? t("editor.returned", { name: row.reviewedBy, reason: row.reviewReason })
              : t("editor.returnedAnonymous", { reason: row.reviewReason })}
          </Alert>
        )}
        <TextInput label={t("fields.title")} required maxLength={160} {...form.getInputProps("title")} />
        <Textarea
          label={t("fields.situation")}
          description={t("fields.situationDescription")}
          required
          autosize
          minRows={4}
          maxLength={CASE_TEXT_MAX}
          {...form.getInputProps("situation")}
        />
        <Textarea
          label={t("fields.question")}
          description={t("fields.questionDescription")}
          required
          autosize
          minRows={2}
          maxLength={CASE_TEXT_MAX}
          {...form.getInputProps("question")}
        />
        <Textarea
          label={t("fields.whatHappened")}
          description={t("fields.whatHappenedDescription")}
          autosize
          minRows={3}
          maxLength={CASE_TEXT_MAX}
          {...form.getInputProps("whatHappened")}
        />
        {warnings.length > 0 && <PrivacyFindings warnings={warnings} intro={t("privacy.intro")} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("fields.setting")}
            data={CASE_SETTINGS.map((s) => ({ value: s.key, label: s.name[locale] }))}
            {...form.getInputProps("setting")}
          />
          <NativeSelect
            label={t("fields.framework")}
            data={choices.map((f) => ({ value: f.id, label: f.name[locale] }))}
            {...form.getInputProps("frameworkId")}
            value={frameworkId}
          />
        </SimpleGrid>
        {!row && network && (
          <Radio.Group label={t("fields.owner")} {...form.getInputProps("owner")}>
            <Group mt="xs">
              <Radio value="network" label={t("owner.network")} />
              <Radio value="organisation" label={t("owner.organisation")} />
            </Group>
          </Radio.Group>
        )}
        <Checkbox.Group
          label={t("fields.competences")}
          required
          {...form.getInputProps("competences")}
          error={form.errors.competences ?? form.errors["competences.0"]}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
            {competences.map((c) => (
              <Checkbox key={c.key} value={c.key} label={c.name[locale]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {row && warnings.length > 0 && (
          <Checkbox
            label={t("privacy.confirm")}
            {...form.getInputProps("privacyChecked", { type: "checkbox" })}
            error={form.errors.privacyChecked ?? form.errors.privacy}
          />
        )}
        {row && <Text size="sm">{t("editor.reviewNote")}</Text>}
        <Group>
          <Button
            type="submit"
            variant={row ? "default" : "filled"}
            loading={pendingIntent === "save"}
            disabled={pending}
          >
            {t("editor.save")}
          </Button>
          {row && (
            <Button onClick={submitForReview} loading={pendingIntent === "submit"} disabled={pending}>
              {t("editor.submit")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );

  /** Sends for review; what the privacy check found must be confirmed first (the server asks the same). */
  function submitForReview() {
    if (warnings.length && !form.getValues().privacyChecked) {
      form.setFieldError("privacyChecked", t("privacy.confirmRequired"));
      return;
    }
    onSubmit("submit")();
  }
}

import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createModuleSchema, type ModuleDetail } from "../../domain/modules/api";
import { api } from "../api";
import { schemaResolver, useApiSubmit, useIssueText } from "../forms";
import { useFramework, useFrameworkList } from "../frameworks/model";
import { localeOf } from "../i18n/regime-text";
import { FormError } from "../shell/FormError";
import { editorPath, moduleKeys } from "./model";
import "./texts";

interface Values extends Record<string, unknown> {
  title: string;
  owner: "organisation" | "network";
  frameworkId: string;
  competence: string;
  level: string;
}

const toRequest = (values: Values) => ({
  title: values.title,
  owner: values.owner,
  tags: { frameworkId: values.frameworkId, competences: [{ key: values.competence, level: Number(values.level) }] },
});

/** Begin a module: a title, whose it is, and the competence it works on first; the rest in the editor. */
export function NewModule({ network }: { network: boolean }) {
  const { t, i18n } = useTranslation("modules");
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const issueText = useIssueText();
  const queryClient = useQueryClient();
  const frameworks = (useFrameworkList().data?.frameworks ?? []).filter((f) => f.published);
  const form = useForm<Values>({
    initialValues: {
      title: "",
      owner: network ? "network" : "organisation",
      frameworkId: "",
      competence: "",
      level: "",
    },
    // The title is checked here; the tags come from the lists below, and the server checks them.
    validate: schemaResolver(createModuleSchema.pick({ title: true }), issueText, (values) => ({
      title: values.title,
    })),
  });
  const frameworkId = form.values.frameworkId || frameworks[0]?.id || "";
  const framework = useFramework(frameworkId).data?.effective?.document;
  const competences = framework?.competences.filter((c) => !c.retired) ?? [];
  const competence = form.values.competence || competences[0]?.key || "";
  const level = form.values.level || String(framework?.scale.at(-2)?.value ?? framework?.scale[0]?.value ?? "");
  const { run, formError, pending } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const made = await api<ModuleDetail>("/modules", {
        body: toRequest({ ...values, frameworkId, competence, level }),
      });
      await queryClient.invalidateQueries({ queryKey: moduleKeys.list, exact: true });
      const draft = made.versions[0];
      navigate(draft ? editorPath(made.module.id, draft.id) : `/modules/${made.module.id}`);
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-module">
      <Title order={2} size="h3" id="new-module" mb="sm">
        {t("create.title")}
      </Title>
      {frameworks.length === 0 ? (
        <Text>{t("create.noFramework")}</Text>
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack>
            <FormError message={formError} />
            <TextInput label={t("create.name")} required maxLength={200} {...form.getInputProps("title")} />
            {network && (
              <Radio.Group label={t("create.owner")} {...form.getInputProps("owner")}>
                <Group mt="xs">
                  <Radio value="network" label={t("owner.network")} />
                  <Radio value="organisation" label={t("owner.organisation")} />
                </Group>
              </Radio.Group>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t("create.framework")}
                data={frameworks.map((f) => ({ value: f.id, label: f.name[locale] }))}
                {...form.getInputProps("frameworkId")}
                value={frameworkId}
              />
              <NativeSelect
                label={t("create.competence")}
                data={competences.map((c) => ({ value: c.key, label: c.name[locale] }))}
                {...form.getInputProps("competence")}
                error={form.errors["tags.competences.0.key"]}
                value={competence}
              />
              <NativeSelect
                label={t("create.level")}
                data={(framework?.scale ?? []).map((l) => ({
                  value: String(l.value),
                  label: `${l.value} · ${l.name[locale]}`,
                }))}
                {...form.getInputProps("level")}
                value={level}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={pending}>
                {t("create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

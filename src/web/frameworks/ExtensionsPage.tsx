import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ExtensionsView } from "../../domain/competences/api";
import type { Extension } from "../../domain/competences/framework";
import { api } from "../api";
import { localeOf } from "../i18n/regime-text";
import { GroupMessage, NewEntry } from "../shell/NewEntry";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import { frameworkKeys } from "./model";
import "./texts";

interface Values extends Record<string, unknown> {
  extensions: Extension[];
}

const extensionsKey = (frameworkId: string) => ["frameworks", frameworkId, "extensions"] as const;

/**
 * The organisation's own additions to a network framework: skills with behaviours that make its
 * core values visible, under the shared competences. The shared version never changes.
 */
export default function ExtensionsPage() {
  const { frameworkId = "" } = useParams();
  const { t } = useTranslation("frameworks");
  const query = useQuery({
    queryKey: extensionsKey(frameworkId),
    queryFn: () => api<ExtensionsView>(`/frameworks/${frameworkId}/extensions`),
  });
  const back = <BackLink to={`/kaders/${frameworkId}`}>{t("extensions.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("detail.notFound")} />;
  return (
    <Stack maw={960}>
      {back}
      <PageTitle>{t("extensions.title")}</PageTitle>
      <Text>{t("extensions.intro")}</Text>
      {query.data.base ? (
        <ExtensionsForm view={query.data} reload={async () => (await query.refetch()).data} />
      ) : (
        <Alert color="gray" role="status">
          {t("extensions.noBase")}
        </Alert>
      )}
    </Stack>
  );
}

function ExtensionsForm({ view, reload }: { view: ExtensionsView; reload: () => Promise<ExtensionsView | undefined> }) {
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const queryClient = useQueryClient();
  const competences = view.base?.competences ?? [];
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: view,
    toForm: (row): Values => ({ extensions: structuredClone(row.extensions) }),
    version: (row) => row.version,
    reload,
    save: async (values, version) => {
      const saved = await api<ExtensionsView>(`/frameworks/${view.frameworkId}/extensions`, {
        method: "PUT",
        body: { extensions: values.extensions, version },
      });
      queryClient.setQueryData(extensionsKey(view.frameworkId), saved);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.framework(view.frameworkId) });
      return saved;
    },
    onSaved: () => notifySuccess(t("extensions.saved")),
  });
  const taken = form.values.extensions.flatMap((e) => [e.skill.key, ...e.skill.behaviours.map((b) => b.key)]);
  const disabled = !view.policies.edit;

  return (
    <form noValidate onSubmit={onSubmit()}>
      <Stack>
        {disabled && (
          <Alert color="gray" role="status">
            {t("extensions.readOnly")}
          </Alert>
        )}
        {form.values.extensions.length === 0 && <Text c="dimmed">{t("extensions.none")}</Text>}
        {form.values.extensions.map((extension, e) => {
          const path = `extensions.${e}`;
          const name = extension.skill.name[locale] || String(e + 1);
          return (
            <Fieldset
              key={extension.skill.key}
              legend={t("extensions.skillN", { number: e + 1, name })}
              disabled={disabled}
            >
              <Stack gap="sm">
                <NativeSelect
                  label={t("extensions.competence", { number: e + 1 })}
                  data={competences.map((c) => ({ value: c.key, label: c.name[locale] }))}
                  {...form.getInputProps(`${path}.competence`)}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t("edit.skillNl", { number: e + 1 })}
                    required
                    maxLength={200}
                    {...form.getInputProps(`${path}.skill.name.nl`)}
                  />
                  <TextInput
                    label={t("edit.skillEn", { number: e + 1 })}
                    required
                    maxLength={200}
                    {...form.getInputProps(`${path}.skill.name.en`)}
                  />
                </SimpleGrid>
                <GroupMessage form={form} path={`${path}.skill.key`} />
                {extension.skill.behaviours.map((behaviour, b) => {
                  const number = `${e + 1}.${b + 1}`;
                  return (
                    <Paper key={behaviour.key} withBorder p="xs">
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                        <Textarea
                          label={t("edit.behaviourNl", { number })}
                          required
                          autosize
                          maxLength={500}
                          {...form.getInputProps(`${path}.skill.behaviours.${b}.text.nl`)}
                        />
                        <Textarea
                          label={t("edit.behaviourEn", { number })}
                          required
                          autosize
                          maxLength={500}
                          {...form.getInputProps(`${path}.skill.behaviours.${b}.text.en`)}
                        />
                      </SimpleGrid>
                      <Group mt="xs">
                        <Button
                          variant="default"
                          size="compact-sm"
                          disabled={extension.skill.behaviours.length <= 1}
                          onClick={() => form.removeListItem(`${path}.skill.behaviours`, b)}
                          aria-label={t("edit.removeNamed", { name: behaviour.text[locale] || number })}
                        >
                          {t("edit.remove")}
                        </Button>
                      </Group>
                    </Paper>
                  );
                })}
                <GroupMessage form={form} path={`${path}.skill.behaviours`} />
                {!disabled && (
                  <NewEntry
                    legend={t("edit.addBehaviour", { name })}
                    nlLabel={t("edit.newBehaviourNl")}
                    enLabel={t("edit.newBehaviourEn")}
                    taken={taken}
                    onAdd={({ key, label }) =>
                      form.insertListItem(`${path}.skill.behaviours`, { key, text: label, retired: false })
                    }
                  />
                )}
                {!disabled && (
                  <Group>
                    <Button
                      variant="default"
                      onClick={() => form.removeListItem("extensions", e)}
                      aria-label={t("extensions.removeSkillNamed", { name })}
                    >
                      {t("extensions.removeSkill")}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          );
        })}
        {!disabled && competences[0] && (
          <NewEntry
            legend={t("extensions.addSkill")}
            nlLabel={t("edit.newSkillNl")}
            enLabel={t("edit.newSkillEn")}
            taken={taken}
            onAdd={({ key, label }) =>
              form.insertListItem("extensions", {
                competence: competences[0]?.key ?? "",
                skill: {
                  key,
                  name: label,
                  retired: false,
                  // A skill needs a behaviour: the first one to fill in.
                  behaviours: [{ key: `${key}_1`, text: { nl: "", en: "" }, retired: false }],
                },
              })
            }
          />
        )}
        <VersionNotices {...notices} />
        {!disabled && (
          <Group>
            <Button type="submit" loading={pending}>
              {t("extensions.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createFrameworkSchema, type FrameworkDetail, type FrameworkList } from "../../domain/competences/api";
import { api } from "../api";
import { schemaResolver, useApiSubmit, useIssueText } from "../forms";
import { localeOf } from "../i18n/regime-text";
import { FormError } from "../shell/FormError";
import { frameworkKeys } from "./model";
import "./texts";

/** Begin a framework: the organisation's own, or (for a coordinator) the network's; empty or as a copy. */
export function NewFramework({
  list,
  own,
  network,
}: {
  list: FrameworkList;
  /** May begin one of the organisation's own. */
  own: boolean;
  /** May begin one of the network's. */
  network: boolean;
}) {
  const { t, i18n } = useTranslation("frameworks");
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const issueText = useIssueText();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: { nl: "", en: "" }, owner: own ? "organisation" : "network", from: "" },
    // The request's own schema says what is missing before the server does.
    validate: schemaResolver(createFrameworkSchema, issueText, (values) => ({ ...values, from: values.from || null })),
  });
  const { run, formError, pending } = useApiSubmit(form);
  const sources = list.frameworks.flatMap((f) =>
    f.published
      ? [{ value: f.published.id, label: t("create.copyOf", { name: f.name[locale], number: f.published.number }) }]
      : [],
  );
  const submit = form.onSubmit((values) =>
    run(async () => {
      const made = await api<FrameworkDetail>("/frameworks", {
        body: { name: values.name, owner: values.owner, from: values.from || null },
      });
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list, exact: true });
      const draft = made.versions[0];
      navigate(draft ? `/kaders/${made.framework.id}/versies/${draft.id}/bewerken` : `/kaders/${made.framework.id}`);
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-framework">
      <Title order={2} size="h3" id="new-framework" mb="sm">
        {t("create.title")}
      </Title>
      <form noValidate onSubmit={submit}>
        <Stack>
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("create.nameNl")} required maxLength={200} {...form.getInputProps("name.nl")} />
            <TextInput label={t("create.nameEn")} required maxLength={200} {...form.getInputProps("name.en")} />
          </SimpleGrid>
          {own && network && (
            <Radio.Group label={t("create.owner")} {...form.getInputProps("owner")}>
              <Group mt="xs">
                <Radio value="organisation" label={t("owner.organisation")} />
                <Radio value="network" label={t("owner.network")} />
              </Group>
            </Radio.Group>
          )}
          <NativeSelect
            label={t("create.from")}
            data={[{ value: "", label: t("create.empty") }, ...sources]}
            {...form.getInputProps("from")}
          />
          <Group>
            <Button type="submit" loading={pending}>
              {t("create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

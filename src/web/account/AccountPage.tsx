import { Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { OwnErasureSection } from "../privacy/Erasure";
import { OwnExportSection } from "../privacy/PersonalExport";
import { sessionQueryKey, useSession } from "../session";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

/** The person's own account: their name and e-mail for every organisation, which only they change, and their data to download. */
export default function AccountPage() {
  const { t } = useTranslation("account");
  const session = useSession();
  const queryClient = useQueryClient();
  const user = session.data?.user;
  const form = useForm({ initialValues: { name: user?.name ?? "", email: user?.email ?? "", password: "" } });
  const { run, formError } = useApiSubmit(form);
  const emailChanges = form.values.email.trim().toLowerCase() !== (user?.email ?? "").toLowerCase();

  const submit = form.onSubmit((values) =>
    run(async () => {
      await api("/auth/profile", {
        method: "PUT",
        body: { name: values.name, email: values.email, ...(emailChanges ? { password: values.password } : {}) },
      });
      form.setFieldValue("password", "");
      form.resetDirty();
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      notifySuccess(t("saved"));
    }),
  );

  return (
    <Stack maw={560}>
      <PageTitle>{t("title")}</PageTitle>
      <Text size="sm">{t("intro")}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput label={t("name")} required autoComplete="name" {...form.getInputProps("name")} />
          <TextInput
            label={t("email")}
            description={t("emailHint")}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps("email")}
          />
          {emailChanges && (
            <PasswordInput
              label={t("password")}
              description={t("passwordHint")}
              required
              autoComplete="current-password"
              {...form.getInputProps("password")}
              aria-invalid={Boolean(form.errors.password)}
            />
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
      <OwnExportSection />
      <OwnErasureSection />
    </Stack>
  );
}

import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { FormError } from "../shell/FormError";
import { PublicLayout } from "./PublicLayout";

export function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const form = useForm({ initialValues: { email: "" } });
  const { run, formError } = useApiSubmit(form);
  const [sent, setSent] = useState(false);

  return (
    <PublicLayout title={t("forgot.title")} intro={t("forgot.intro")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          run(() => api("/auth/password/forgot", { body: values }).then(() => setSent(true))),
        )}
      >
        <Stack>
          <FormError message={formError} />
          {sent && (
            <Alert color="green" role="status">
              {t("forgot.sent")}
            </Alert>
          )}
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <Button type="submit" loading={form.submitting}>
            {t("forgot.submit")}
          </Button>
          <Anchor component={Link} to="/inloggen" size="sm">
            {t("forgot.back")}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}

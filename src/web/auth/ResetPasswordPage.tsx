import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { FormError } from "../shell/FormError";
import { PublicLayout } from "./PublicLayout";

export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useForm({ initialValues: { password: "" } });
  const { run, formError } = useApiSubmit(form);
  const [done, setDone] = useState(false);

  return (
    <PublicLayout title={t("reset.title")}>
      {done ? (
        <Stack>
          <Alert color="green" role="status">
            {t("reset.done")}
          </Alert>
          <Anchor component={Link} to="/inloggen">
            {t("forgot.back")}
          </Anchor>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            run(() =>
              api("/auth/password/reset", { body: { token, password: values.password } }).then(() => setDone(true)),
            ),
          )}
        >
          <Stack>
            <FormError message={token ? formError : t("reset.missingToken")} />
            <PasswordInput
              label={t("reset.password")}
              description={t("reset.hint")}
              autoComplete="new-password"
              required
              {...form.getInputProps("password")}
              // Mantine's PasswordInput leaves aria-invalid off its input; screen readers need it there.
              aria-invalid={Boolean(form.errors.password)}
            />
            <Button type="submit" loading={form.submitting} disabled={!token}>
              {t("reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}

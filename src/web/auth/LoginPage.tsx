import { Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { useResetSession } from "../session";
import { FormError } from "../shell/FormError";
import { PublicLayout } from "./PublicLayout";

export function LoginPage() {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reset = useResetSession();
  const form = useForm({ initialValues: { email: "", password: "" } });
  const { run, formError } = useApiSubmit(form);

  const submit = form.onSubmit((values) =>
    run(async () => {
      await api("/auth/login", { body: values });
      await reset();
      navigate(params.get("next") ?? "/");
    }),
  );

  return (
    <PublicLayout title={t("login.title")} intro={t("login.intro")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={formError} />
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={t("login.password")}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={form.submitting}>
            {t("login.submit")}
          </Button>
          <Anchor component={Link} to="/wachtwoord-vergeten" size="sm">
            {t("login.forgot")}
          </Anchor>
          <Anchor component={Link} to="/verifieren" size="sm">
            {t("login.verify")}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}

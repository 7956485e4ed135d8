import { Alert, Anchor, Box, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { InvitationPreview } from "../../domain/invitations/api";
import { ApiError, api } from "../api";
import { PublicLayout } from "../auth/PublicLayout";
import { useApiSubmit } from "../forms";
import { useResetSession, useSession } from "../session";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import "./texts";

/** The page behind the link in an invitation mail: see who invites you, then accept. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation("invitations");
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const form = useForm({ initialValues: { password: "" } });
  const { run, formError } = useApiSubmit(form);

  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => api<InvitationPreview>(`/invitations/accept?token=${encodeURIComponent(token)}`),
    enabled: Boolean(token),
    retry: false,
  });
  const invitation = preview.data;
  const signedIn = useSession().data?.user ?? null;
  // Signed in as the invitee: the session proves who they are, no password is asked again.
  const signedInAsInvitee =
    Boolean(invitation?.accountExists) && signedIn?.email.toLowerCase() === invitation?.email.toLowerCase();

  const submit = form.onSubmit((values) =>
    run(async () => {
      await api("/invitations/accept", {
        body: signedInAsInvitee ? { token } : { token, password: values.password },
      });
      await resetSession();
      navigate("/", { replace: true });
    }),
  );

  if (!token || preview.isError) {
    const message = !token
      ? t("accept.missingToken")
      : preview.error instanceof ApiError
        ? preview.error.problem.title
        : tc("errors.offline");
    return (
      <PublicLayout title={t("accept.title")}>
        <Stack>
          <Alert color="red" role="alert" variant="light">
            {message}
          </Alert>
          <Anchor component={Link} to="/inloggen">
            {t("accept.toLogin")}
          </Anchor>
        </Stack>
      </PublicLayout>
    );
  }

  if (!invitation) {
    return (
      <PublicLayout title={t("accept.title")}>
        <Loading label={t("accept.loading")} />
      </PublicLayout>
    );
  }

  const organisation = invitation.organisation.name;
  return (
    <PublicLayout title={t("accept.title")}>
      <Stack>
        <Box
          p="sm"
          style={{
            borderInlineStart: `6px solid ${invitation.organisation.primaryColor}`,
            background: "var(--mantine-color-gray-0)",
            borderRadius: "var(--mantine-radius-sm)",
          }}
        >
          <Text fw={600} size="lg">
            {t("accept.invites", { organisation })}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("accept.for", { name: invitation.name, email: invitation.email })}
          </Text>
        </Box>
        <Text>
          {signedInAsInvitee
            ? t("accept.signedInAsInvitee", { organisation, name: signedIn?.name })
            : invitation.accountExists
              ? t("accept.existingAccount", { organisation })
              : t("accept.newAccount")}
        </Text>
        {signedIn && !signedInAsInvitee && (
          <Alert color="yellow" variant="light">
            {t("accept.signedInAsOther", { email: signedIn.email })}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={formError} />
            {!signedInAsInvitee && (
              <>
                {/* Lets password managers tie the password to the right account. */}
                <input type="hidden" name="username" autoComplete="username" value={invitation.email} readOnly />
                <PasswordInput
                  label={invitation.accountExists ? t("accept.currentPassword") : t("accept.password")}
                  description={invitation.accountExists ? undefined : t("accept.passwordHint")}
                  autoComplete={invitation.accountExists ? "current-password" : "new-password"}
                  required
                  {...form.getInputProps("password")}
                  // Mantine's PasswordInput leaves aria-invalid off its input; screen readers need it there.
                  aria-invalid={Boolean(form.errors.password)}
                />
              </>
            )}
            <Button type="submit" loading={form.submitting}>
              {t("accept.submit")}
            </Button>
            {invitation.accountExists && !signedInAsInvitee && (
              <Anchor component={Link} to="/wachtwoord-vergeten" size="sm">
                {t("accept.forgot")}
              </Anchor>
            )}
          </Stack>
        </form>
      </Stack>
    </PublicLayout>
  );
}

import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { useRegimeText } from "../i18n/regime-text";
import { useSession } from "../session";
import { Dialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { evidenceKeys, type ProfileView, useProfiles } from "./model";

/** The requirement profiles: the standard ones and the organisation's own copies with changed figures. */
export default function ProfilesPage() {
  const { t } = useTranslation("evidence");
  const { text } = useRegimeText();
  const query = useProfiles();
  const [copying, setCopying] = useState<ProfileView | null>(null);
  const nameOf = (key: string | null) => {
    const found = query.data?.items.find((p) => p.key === key);
    return found ? text(found.document.name) : (key ?? "");
  };

  return (
    <Stack maw={1100}>
      <PageTitle>{t("profiles.title")}</PageTitle>
      <Text>{t("profiles.intro")}</Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {query.data.items.map((profile) => {
            const name = text(profile.document.name);
            const headingId = `profile-${profile.id ?? profile.key}`;
            return (
              <Card withBorder component="article" aria-labelledby={headingId} key={profile.id ?? profile.key}>
                <Stack gap="xs" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Title order={3} size="h4" id={headingId}>
                      {name}
                    </Title>
                    <Badge variant={profile.builtIn ? "light" : "outline"} style={{ flexShrink: 0 }}>
                      {profile.builtIn ? t("profiles.builtIn") : t("profiles.own")}
                    </Badge>
                  </Group>
                  <Text size="sm">{text(profile.document.description)}</Text>
                  <Text size="sm" c="dimmed">
                    {profile.basedOn ? `${t("profiles.basedOn", { name: nameOf(profile.basedOn) })} · ` : ""}
                    {t("profiles.years", { count: profile.document.periodYears })}
                  </Text>
                  <Group gap="sm" mt="auto" pt="xs">
                    {query.data.canManage && (
                      <Button
                        variant="light"
                        onClick={() => setCopying(profile)}
                        aria-label={t("profiles.copyNamed", { name })}
                      >
                        {t("profiles.copy")}
                      </Button>
                    )}
                    {!profile.builtIn && profile.id && query.data.canManage && (
                      <Button
                        component={Link}
                        to={`/eisenprofielen/${profile.id}`}
                        variant="default"
                        aria-label={t("profiles.editNamed", { name })}
                      >
                        {t("profiles.edit")}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <Dialog
        opened={copying !== null}
        onClose={() => setCopying(null)}
        title={copying ? t("profiles.copyTitle", { name: text(copying.document.name) }) : ""}
      >
        {copying && <CopyForm profile={copying} onClose={() => setCopying(null)} />}
      </Dialog>
    </Stack>
  );
}

/** Asks a name for the copy, makes it, and opens it to be adapted. */
function CopyForm({ profile, onClose }: { profile: ProfileView; onClose: () => void }) {
  const { t } = useTranslation("evidence");
  const { t: tc } = useTranslation();
  const { text } = useRegimeText();
  const organisation = useSession().data?.organisation?.name ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<{ name: string; basedOn: string }>({
    initialValues: {
      name: t("profiles.copyDefaultName", { name: text(profile.document.name), organisation }).slice(0, 200),
      basedOn: profile.key,
    },
  });
  const { run, formError } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const copy = await api<ProfileView>("/requirement-profiles", { body: values });
      await queryClient.invalidateQueries({ queryKey: evidenceKeys.profiles, exact: true });
      queryClient.setQueryData(evidenceKeys.profile(copy.id ?? ""), copy);
      notifySuccess(t("profiles.copied"));
      onClose();
      navigate(`/eisenprofielen/${copy.id}`);
    }),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <Text size="sm">{t("profiles.copyIntro")}</Text>
        <FormError message={formError ?? (form.errors.basedOn as string | undefined) ?? null} />
        <TextInput
          label={t("profiles.copyName")}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps("name")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc("actions.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("profiles.copySubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

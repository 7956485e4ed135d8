import { Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { useRegimeText } from "../i18n/regime-text";
import { CopyableDocuments } from "../shell/CopyableDocuments";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { evidenceKeys, type ProfileView, useProfiles } from "./model";
import "./texts";

/** The requirement profiles: the standard ones and the organisation's own copies with changed figures. */
export default function ProfilesPage() {
  const { t } = useTranslation("evidence");
  const { text } = useRegimeText();
  const queryClient = useQueryClient();
  const query = useProfiles();
  const nameOf = (key: string | null) => {
    const found = query.data?.items.find((p) => p.key === key);
    return found ? text(found.document.name) : (key ?? "");
  };

  async function copy(values: { name: string; basedOn: string }) {
    const made = await api<ProfileView>("/requirement-profiles", { body: values });
    await queryClient.invalidateQueries({ queryKey: evidenceKeys.profiles, exact: true });
    queryClient.setQueryData(evidenceKeys.profile(made.id ?? ""), made);
    return made.id ?? "";
  }

  return (
    <Stack maw={1100}>
      <PageTitle>{t("profiles.title")}</PageTitle>
      <Text>{t("profiles.intro")}</Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : (
        <CopyableDocuments
          items={query.data.items.map((profile) => ({
            id: profile.id,
            key: profile.key,
            builtIn: profile.builtIn,
            name: text(profile.document.name),
            description: text(profile.document.description),
            meta: `${profile.basedOn ? `${t("profiles.basedOn", { name: nameOf(profile.basedOn) })} · ` : ""}${t("profiles.years", { count: profile.document.periodYears })}`,
          }))}
          canManage={query.data.canManage}
          editPath={(id) => `/eisenprofielen/${id}`}
          copy={copy}
          texts={{
            builtIn: t("profiles.builtIn"),
            own: t("profiles.own"),
            copy: t("profiles.copy"),
            copyNamed: (name) => t("profiles.copyNamed", { name }),
            edit: t("profiles.edit"),
            editNamed: (name) => t("profiles.editNamed", { name }),
            copyTitle: (name) => t("profiles.copyTitle", { name }),
            copyIntro: t("profiles.copyIntro"),
            copyName: t("profiles.copyName"),
            copySubmit: t("profiles.copySubmit"),
            copyDefaultName: (name, organisation) => t("profiles.copyDefaultName", { name, organisation }),
            copied: t("profiles.copied"),
          }}
        />
      )}
    </Stack>
  );
}

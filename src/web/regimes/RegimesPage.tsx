import { Alert, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { builtinRegime } from "../../domain/regimes/builtin";
import { api } from "../api";
import { useRegimeText } from "../i18n/regime-text";
import { CopyableDocuments } from "../shell/CopyableDocuments";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type RegimeView, regimeKeys, useRegimeList } from "./model";
import "./texts";

/** The regimes an admin can use: the standard ones and the organisation's own copies. */
export default function RegimesPage() {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const queryClient = useQueryClient();
  const query = useRegimeList();

  const nameOf = (key: string | null) => {
    const found = query.data?.items.find((r) => r.key === key)?.document ?? (key ? builtinRegime(key) : undefined);
    return found ? text(found.name) : (key ?? "");
  };

  async function copy(values: { name: string; basedOn: string }) {
    const made = await api<RegimeView>("/regimes", { body: values });
    await queryClient.invalidateQueries({ queryKey: regimeKeys.list });
    queryClient.setQueryData(regimeKeys.regime(made.id ?? ""), made);
    return made.id ?? "";
  }

  return (
    <Stack maw={1100}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      <Alert color="blue" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
        {t("list.keeps")}
      </Alert>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t("list.empty")}</Text>
      ) : (
        <CopyableDocuments
          items={query.data.items.map((regime) => ({
            id: regime.id,
            key: regime.key,
            builtIn: regime.builtIn,
            name: text(regime.document.name),
            description: text(regime.document.description),
            meta: `${regime.basedOn ? `${t("list.basedOn", { name: nameOf(regime.basedOn) })} · ` : ""}${t("list.version", { version: regime.document.version })}`,
          }))}
          canManage={query.data.canManage}
          editPath={(id) => `/regelingen/${id}`}
          copy={copy}
          texts={{
            builtIn: t("list.builtIn"),
            own: t("list.own"),
            copy: t("list.copy"),
            copyNamed: (name) => t("list.copyNamed", { name }),
            edit: t("list.edit"),
            editNamed: (name) => t("list.editNamed", { name }),
            copyTitle: (name) => t("copy.title", { name }),
            copyIntro: t("copy.intro"),
            copyName: t("copy.name"),
            copySubmit: t("copy.submit"),
            copyDefaultName: (name, organisation) => t("copy.defaultName", { name, organisation }),
            copied: t("copy.done"),
          }}
        />
      )}
    </Stack>
  );
}

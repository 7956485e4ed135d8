import { SegmentedControl, VisuallyHidden } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { Language } from "../i18n";
import { applyLanguage, sessionQueryKey, useSession } from "../session";

/** Switches the language at once; for a signed-in person it is remembered on their account. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const signedIn = Boolean(useSession().data?.user);
  const client = useQueryClient();
  const labelId = useId();

  async function change(value: string) {
    const lang = value as Language;
    applyLanguage(lang);
    if (signedIn) {
      await api("/auth/locale", { method: "PUT", body: { locale: lang } });
      await client.invalidateQueries({ queryKey: sessionQueryKey });
    }
  }

  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t("language.label")}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={i18n.language === "en" ? "en" : "nl"}
        onChange={change}
        data={[
          { value: "nl", label: compact ? "NL" : t("language.nl") },
          { value: "en", label: compact ? "EN" : t("language.en") },
        ]}
        aria-label={t("language.label")}
      />
    </div>
  );
}

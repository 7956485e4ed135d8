import { Button, VisuallyHidden } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { LANGUAGES, type Language } from "../i18n";
import { applyLanguage, sessionQueryKey, useSession } from "../session";

const NAMES: Record<Language, { short: string; full: string }> = {
  nl: { short: "NL", full: "Nederlands" },
  en: { short: "EN", full: "English" },
};

/**
 * Switches the language at once; for a signed-in person it is remembered on their account.
 * Each button names its language in that language, as people look for it.
 */
export function LanguageSwitch({ compact = false, onDark = false }: { compact?: boolean; onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  const signedIn = Boolean(useSession().data?.user);
  const client = useQueryClient();
  const current: Language = i18n.language === "en" ? "en" : "nl";

  async function change(lang: Language) {
    if (lang === current) return;
    applyLanguage(lang);
    if (signedIn) {
      await api("/auth/locale", { method: "PUT", body: { locale: lang } });
      await client.invalidateQueries({ queryKey: sessionQueryKey });
    }
  }

  return (
    <Button.Group aria-label={t("language.label")}>
      {LANGUAGES.map((lang) => {
        const active = lang === current;
        return (
          <Button
            key={lang}
            size="compact-sm"
            lang={lang}
            aria-pressed={active}
            variant={active ? "white" : onDark ? "filled" : "default"}
            color={active ? "dark" : undefined}
            onClick={() => change(lang)}
          >
            {compact ? (
              <>
                {NAMES[lang].short}
                <VisuallyHidden> {NAMES[lang].full}</VisuallyHidden>
              </>
            ) : (
              NAMES[lang].full
            )}
          </Button>
        );
      })}
    </Button.Group>
  );
}

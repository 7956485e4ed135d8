import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Role } from "../domain/roles";
import { api, setApiLanguage, setCsrfToken } from "./api";
import { i18n, type Language } from "./i18n";

export interface OrganisationSummary {
  id: string;
  name: string;
  slug: string;
  primaryColor: string;
  logoUrl: string | null;
  roles: Role[];
}

export interface SessionData {
  csrfToken: string;
  user: { id: string; email: string; name: string; locale: Language } | null;
  organisation: OrganisationSummary | null;
  organisations: OrganisationSummary[];
}

const LANGUAGE_KEY = "koers.language";

export function storedLanguage(): Language {
  const value = typeof localStorage === "undefined" ? null : localStorage.getItem(LANGUAGE_KEY);
  return value === "en" ? "en" : "nl";
}

export function applyLanguage(lang: Language) {
  localStorage.setItem(LANGUAGE_KEY, lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

export const sessionQueryKey = ["session"] as const;

export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const data = await api<SessionData>("/auth/session");
      setCsrfToken(data.csrfToken);
      return data;
    },
    staleTime: 60_000,
  });
  const locale = query.data?.user?.locale;
  useEffect(() => {
    if (locale) applyLanguage(locale);
  }, [locale]);
  return query;
}

/** After sign-in, sign-out or a switch of organisation, everything cached belongs to someone else. */
export function useResetSession() {
  const client = useQueryClient();
  return () => client.resetQueries();
}

export function useCurrentRoles(): Role[] {
  return useSession().data?.organisation?.roles ?? [];
}

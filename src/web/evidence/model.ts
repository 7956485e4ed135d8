import { useQuery } from "@tanstack/react-query";
import type { EvidenceView, LedgerLineView, ProfileList, ProfileView } from "../../domain/evidence/api";
import { formatPoints } from "../../domain/evidence/ledger";
import { formatMinutes } from "../../domain/trajectories/hours";
import { api } from "../api";

export type { EvidenceView, LedgerLineView, ProfileList, ProfileView };

export const evidenceKeys = {
  ledger: (personId: string | null, registration: string | null) =>
    ["evidence", personId ?? "me", registration ?? ""] as const,
  profiles: ["requirement-profiles"] as const,
  profile: (id: string) => ["requirement-profiles", id] as const,
};

/** The API path of a ledger: one's own, or (admin, training officer) someone else's. */
export const evidencePath = (personId: string | null) =>
  personId ? `/people/${encodeURIComponent(personId)}/evidence` : "/evidence";

export function useEvidence(personId: string | null, registration: string | null) {
  const query = registration ? `?registration=${encodeURIComponent(registration)}` : "";
  return useQuery({
    queryKey: evidenceKeys.ledger(personId, registration),
    queryFn: () => api<EvidenceView>(`${evidencePath(personId)}${query}`),
    placeholderData: (previous) => previous,
  });
}

export function useProfiles(enabled = true) {
  return useQuery({
    queryKey: evidenceKeys.profiles,
    queryFn: () => api<ProfileList>("/requirement-profiles"),
    enabled,
  });
}

export function useProfile(id: string) {
  return useQuery({
    queryKey: evidenceKeys.profile(id),
    queryFn: () => api<ProfileView>(`/requirement-profiles/${encodeURIComponent(id)}`),
  });
}

/** A figure of a line in its unit: minutes as h:mm, hundredths as points, sessions as a count. */
export function lineFigure(line: Pick<LedgerLineView, "requirement">, value: number, lang: string): string {
  const locale = lang.startsWith("en") ? "en" : "nl";
  if (line.requirement.unit === "hours") return formatMinutes(value);
  if (line.requirement.unit === "points") return formatPoints(value, locale);
  return String(value);
}

/** How far along a line is, 0 to 100. */
export const progressOf = (line: Pick<LedgerLineView, "have" | "minimum">) =>
  line.minimum <= 0 ? 100 : Math.min(100, Math.floor((line.have * 100) / line.minimum));

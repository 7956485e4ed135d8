import { useQuery } from "@tanstack/react-query";
import type { EvidenceView, LedgerLineView, ProfileList, ProfileView } from "../../domain/evidence/api";
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

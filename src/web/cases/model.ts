import { useQuery } from "@tanstack/react-query";
import type { CaseList, CaseView } from "../../domain/cases/api";
import { api } from "../api";

export interface CaseFilters {
  q: string;
  competence: string;
  setting: string;
}

export const caseKeys = {
  all: ["cases"] as const,
  list: (filters: CaseFilters) => ["cases", "list", filters] as const,
  case: (id: string) => ["cases", id] as const,
};

export function useCaseList(filters: CaseFilters) {
  const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  const query = params.toString();
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: () => api<CaseList>(`/cases${query ? `?${query}` : ""}`),
    placeholderData: (previous) => previous,
  });
}

export const useCase = (id: string) =>
  useQuery({ queryKey: caseKeys.case(id), queryFn: () => api<CaseView>(`/cases/${encodeURIComponent(id)}`) });

export const casePath = (id: string) => `/casuistiek/${id}`;

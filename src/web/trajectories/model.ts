import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  candidatesSchema,
  DueItemView,
  GuideEligibilityAnswer,
  RegimeView,
  TrajectoryDetail,
  TrajectorySummary,
} from "../../domain/trajectories/api";
import { api } from "../api";

export type { DueItemView, RegimeView, TrajectoryDetail, TrajectorySummary } from "../../domain/trajectories/api";
export type Candidates = z.infer<typeof candidatesSchema>;

export const trajectoryKeys = {
  all: ["trajectories"] as const,
  list: (query: string) => ["trajectories", "list", query] as const,
  detail: (id: string) => ["trajectories", "detail", id] as const,
  candidates: ["trajectories", "candidates"] as const,
  regimes: ["regimes"] as const,
  due: ["due"] as const,
};

export const trajectoryApi = (id: string) => `/trajectories/${encodeURIComponent(id)}`;

export function useTrajectoryList(query: URLSearchParams) {
  const qs = query.toString();
  return useQuery({
    queryKey: trajectoryKeys.list(qs),
    queryFn: () =>
      api<{ items: TrajectorySummary[]; total: number; page: number; pageSize: number }>(
        `/trajectories${qs ? `?${qs}` : ""}`,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useTrajectory(id: string) {
  return useQuery({
    queryKey: trajectoryKeys.detail(id),
    queryFn: () => api<TrajectoryDetail>(trajectoryApi(id)),
  });
}

/** The regimes to start from; only those who may start a trajectory (or manage regimes) read them. */
export function useRegimes(enabled = true) {
  return useQuery({
    queryKey: trajectoryKeys.regimes,
    queryFn: () => api<{ items: RegimeView[]; canManage: boolean }>("/regimes"),
    staleTime: 60_000,
    enabled,
  });
}

export function useCandidates() {
  return useQuery({
    queryKey: trajectoryKeys.candidates,
    queryFn: () => api<Candidates>("/trajectories/candidates"),
  });
}

/**
 * How the regime's guide rule judges the chosen guides, asked again whenever the regime, the
 * people or the start date change; null while there is nothing to ask.
 */
export function useGuideEligibility(
  ask: { regimeKey: string; traineeId: string; guideIds: string[]; commissionerId: string; startsOn: string } | null,
) {
  const query = new URLSearchParams();
  if (ask) {
    query.set("regimeKey", ask.regimeKey);
    query.set("traineeId", ask.traineeId);
    query.set("startsOn", ask.startsOn);
    if (ask.commissionerId) query.set("commissionerId", ask.commissionerId);
    for (const id of ask.guideIds) query.append("guideId", id);
  }
  const qs = query.toString();
  return useQuery({
    queryKey: ["trajectories", "guide-eligibility", qs],
    queryFn: () => api<GuideEligibilityAnswer>(`/trajectories/guide-eligibility?${qs}`),
    enabled: ask !== null,
    staleTime: 30_000,
  });
}

export function useDue(enabled = true) {
  return useQuery({
    queryKey: trajectoryKeys.due,
    queryFn: () => api<{ items: DueItemView[] }>("/due"),
    enabled,
  });
}

/**
 * After a change the server answers with the whole trajectory: it replaces the cached one, and
 * the list and the home page's to-do list are fetched again when next shown.
 */
export function useStoreDetail() {
  const queryClient = useQueryClient();
  return async (detail: TrajectoryDetail) => {
    queryClient.setQueryData(trajectoryKeys.detail(detail.id), detail);
    await queryClient.invalidateQueries({ queryKey: ["trajectories", "list"] });
    await queryClient.invalidateQueries({ queryKey: trajectoryKeys.due });
  };
}

import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { CheckInList, EvaluationSummary, EventCounts, EventDetail, EventSummary } from "../../domain/events/api";
import { api } from "../api";

export type { CheckInList, EvaluationSummary, EventCounts, EventDetail, EventSummary };

export const eventKeys = {
  all: ["events"] as const,
  list: ["events", "list"] as const,
  counts: ["events", "counts"] as const,
  candidates: ["events", "candidates"] as const,
  event: (id: string) => ["events", "event", id] as const,
  checkIn: (id: string) => ["events", "check-in", id] as const,
  evaluations: (id: string) => ["events", "evaluations", id] as const,
};

export const eventsPath = "/activiteiten";
export const newEventPath = "/activiteiten/nieuw";
export const eventPath = (eventId: string) => `/activiteiten/${eventId}`;
export const checkInPath = (eventId: string) => `/activiteiten/${eventId}/aanwezig`;

export function useEvents() {
  return useQuery({
    queryKey: eventKeys.list,
    queryFn: () => api<{ upcoming: EventSummary[]; past: EventSummary[]; canCreate: boolean }>("/events"),
  });
}

export function useEventCounts(enabled: boolean) {
  return useQuery({ queryKey: eventKeys.counts, queryFn: () => api<EventCounts>("/events/counts"), enabled });
}

export function useEvent(eventId: string) {
  return useQuery({
    queryKey: eventKeys.event(eventId),
    queryFn: () => api<EventDetail>(`/events/${encodeURIComponent(eventId)}`),
  });
}

export function useCandidates(enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.candidates,
    queryFn: () => api<Array<{ userId: string; name: string }>>("/events/candidates"),
    enabled,
  });
}

export function useCheckIn(eventId: string) {
  return useQuery({
    queryKey: eventKeys.checkIn(eventId),
    queryFn: () => api<CheckInList>(`/events/${encodeURIComponent(eventId)}/check-in`),
  });
}

export function useEvaluations(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.evaluations(eventId),
    queryFn: () => api<EvaluationSummary>(`/events/${encodeURIComponent(eventId)}/evaluations`),
    enabled,
  });
}

/** After a change, every page about events may be stale. */
export const refreshEvents = (client: QueryClient) => client.invalidateQueries({ queryKey: eventKeys.all });

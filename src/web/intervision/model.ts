import { type QueryClient, useQuery } from "@tanstack/react-query";
import { dutchParts } from "../../domain/dutch-time";
import type { GroupDetail, GroupMeetingDetail, GroupSummary } from "../../domain/intervision/api";
import { type MethodText, methodOf } from "../../domain/intervision/methods";
import { api } from "../api";

export type { GroupDetail, GroupMeetingDetail, GroupSummary };

export const intervisionKeys = {
  all: ["intervision"] as const,
  groups: ["intervision", "groups"] as const,
  group: (id: string) => ["intervision", "group", id] as const,
  meeting: (id: string) => ["intervision", "meeting", id] as const,
  candidates: ["intervision", "candidates"] as const,
};

export const groupPath = (groupId: string) => `/intervisie/${groupId}`;
export const meetingPath = (groupId: string, meetingId: string) => `/intervisie/${groupId}/bijeenkomsten/${meetingId}`;

export function useGroups() {
  return useQuery({
    queryKey: intervisionKeys.groups,
    queryFn: () => api<{ items: GroupSummary[]; canCreate: boolean }>("/intervision/groups"),
  });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: intervisionKeys.group(groupId),
    queryFn: () => api<GroupDetail>(`/intervision/groups/${encodeURIComponent(groupId)}`),
  });
}

export function useGroupMeeting(meetingId: string) {
  return useQuery({
    queryKey: intervisionKeys.meeting(meetingId),
    queryFn: () => api<GroupMeetingDetail>(`/intervision/meetings/${encodeURIComponent(meetingId)}`),
  });
}

export function useCandidates(enabled: boolean) {
  return useQuery({
    queryKey: intervisionKeys.candidates,
    queryFn: () => api<Array<{ userId: string; name: string }>>("/intervision/candidates"),
    enabled,
  });
}

/** After a change, what other pages show of intervisie may be stale. */
export const refreshIntervision = (client: QueryClient) => client.invalidateQueries({ queryKey: intervisionKeys.all });

/** A text of the method library in the reader's language. */
export const inLanguage = (text: MethodText, language: string) => (language.startsWith("en") ? text.en : text.nl);

/** A method's name, or its key when the library no longer has it. */
export const methodName = (key: string, language: string) => {
  const method = methodOf(key);
  return method ? inLanguage(method.name, language) : key;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A Dutch time of day, HH:MM. */
export const clock = (iso: string) => dutchParts(iso).time;

/** HH:MM plus minutes, for the end time the group's length proposes. */
export function addMinutes(time: string, minutes: number) {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = Math.min(23 * 60 + 59, h * 60 + m + minutes);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Minutes as hours with at most one decimal, in the reader's language. */
export const hours = (minutes: number, language: string) =>
  new Intl.NumberFormat(language.startsWith("en") ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 }).format(
    minutes / 60,
  );

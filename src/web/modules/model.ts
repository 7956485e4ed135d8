import { useQuery } from "@tanstack/react-query";
import type { AssignmentQueue, ModuleDetail, ModuleList, ModuleVersionView } from "../../domain/modules/api";
import { api } from "../api";

export const moduleKeys = {
  list: ["modules"] as const,
  module: (id: string) => ["modules", id] as const,
  version: (id: string) => ["module-version", id] as const,
  queue: ["assignments"] as const,
};

export const useModuleList = (enabled = true) =>
  useQuery({ queryKey: moduleKeys.list, queryFn: () => api<ModuleList>("/modules"), enabled });

export const useModule = (id: string) =>
  useQuery({ queryKey: moduleKeys.module(id), queryFn: () => api<ModuleDetail>(`/modules/${id}`) });

export const moduleVersionPath = (moduleId: string, versionId: string) => `/modules/${moduleId}/versions/${versionId}`;

export const useModuleVersion = (moduleId: string, versionId: string) =>
  useQuery({
    queryKey: moduleKeys.version(versionId),
    queryFn: () => api<ModuleVersionView>(moduleVersionPath(moduleId, versionId)),
  });

export const useAssignmentQueue = () =>
  useQuery({ queryKey: moduleKeys.queue, queryFn: () => api<AssignmentQueue>("/assignments") });

/** Where the photo of a submission is read. */
export const evidenceUrl = (assignmentId: string) => `/api/v1/assignments/${assignmentId}/evidence`;

/** The page where a draft version is edited. */
export const editorPath = (moduleId: string, versionId: string) => `/modules/${moduleId}/versies/${versionId}/bewerken`;

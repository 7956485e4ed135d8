import { useQuery } from "@tanstack/react-query";
import type { FrameworkDetail, FrameworkList, VersionView } from "../../domain/competences/api";
import type { Framework } from "../../domain/competences/framework";
import { api } from "../api";

export const frameworkKeys = {
  list: ["frameworks"] as const,
  framework: (id: string) => ["frameworks", id] as const,
  version: (id: string) => ["framework-version", id] as const,
};

export const useFrameworkList = () =>
  useQuery({ queryKey: frameworkKeys.list, queryFn: () => api<FrameworkList>("/frameworks") });

export const useFramework = (id: string) =>
  useQuery({ queryKey: frameworkKeys.framework(id), queryFn: () => api<FrameworkDetail>(`/frameworks/${id}`) });

export const versionPath = (frameworkId: string, versionId: string) =>
  `/frameworks/${frameworkId}/versions/${versionId}`;

/** Every competence, skill and behaviour of a document by key, with its name in `locale`: for lists of changes. */
export function itemNames(document: Framework, locale: "nl" | "en") {
  const names = new Map<string, string>();
  for (const c of document.competences) {
    names.set(c.key, c.name[locale]);
    for (const s of c.skills) {
      names.set(s.key, s.name[locale]);
      for (const b of s.behaviours) names.set(b.key, b.text[locale]);
    }
  }
  return names;
}

/** Every key the document uses, so a new item gets one of its own. */
export function keysOf(document: Framework) {
  return [
    ...document.competences.flatMap((c) => [
      c.key,
      ...c.skills.flatMap((s) => [s.key, ...s.behaviours.map((b) => b.key)]),
    ]),
    ...document.variants.map((v) => v.key),
  ];
}

export type { VersionView };

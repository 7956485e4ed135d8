import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { DeclarationList, DeclarationView } from "../../domain/declarations/api";
import { api } from "../api";
import { useAction } from "../forms";

export type { DeclarationList, DeclarationView, Verification } from "../../domain/declarations/api";

export const declarationKeys = {
  list: (trajectoryId: string) => ["declarations", "list", trajectoryId] as const,
  one: (id: string) => ["declarations", "one", id] as const,
};

export const declarationPath = (trajectoryId: string, declarationId: string) =>
  `/trajecten/${trajectoryId}/verklaringen/${declarationId}`;
export const declarationPdf = (declarationId: string) =>
  `/api/v1/declarations/${encodeURIComponent(declarationId)}/pdf`;
export const documentUrl = (trajectoryId: string, documentId: string) =>
  `/api/v1/trajectories/${encodeURIComponent(trajectoryId)}/documents/${encodeURIComponent(documentId)}`;

export function useDeclarations(trajectoryId: string) {
  return useQuery({
    queryKey: declarationKeys.list(trajectoryId),
    queryFn: () => api<DeclarationList>(`/trajectories/${encodeURIComponent(trajectoryId)}/declarations`),
  });
}

export function useDeclaration(id: string) {
  return useQuery({
    queryKey: declarationKeys.one(id),
    queryFn: () => api<DeclarationView>(`/declarations/${encodeURIComponent(id)}`),
  });
}

export type BadgeKind = "superseded" | "late" | "changed" | "signed" | "concept" | "waiting";

/** The badges of a declaration, most telling first: late in red, changed after signing, signed, draft, waiting. */
export function declarationBadges(d: DeclarationView): { kind: BadgeKind; color: string; who?: string }[] {
  if (d.status === "superseded") return [{ kind: "superseded", color: "gray" }];
  const badges: { kind: BadgeKind; color: string; who?: string }[] = [];
  if (d.overdue) badges.push({ kind: "late", color: "red" });
  if (d.changedSinceSigning) badges.push({ kind: "changed", color: "orange" });
  if (d.fullySigned) badges.push({ kind: "signed", color: "green" });
  else {
    if (d.contentSha256 === null) badges.push({ kind: "concept", color: "gray" });
    const waiting = d.slots.filter((s) => !s.signature).map((s) => s.label);
    if (waiting.length) badges.push({ kind: "waiting", color: "blue", who: waiting.join(", ") });
  }
  return badges;
}

/** Starts a new version of a declaration whose content changed since it was signed, and opens it. */
export function useStartNewVersion(declaration: Pick<DeclarationView, "id" | "trajectoryId">) {
  const { t } = useTranslation("declarations");
  const client = useQueryClient();
  const navigate = useNavigate();
  return useAction(
    async () => {
      const made = await api<DeclarationView>(`/declarations/${encodeURIComponent(declaration.id)}/new-version`, {
        method: "POST",
        body: {},
      });
      await client.invalidateQueries({ queryKey: declarationKeys.list(declaration.trajectoryId) });
      navigate(declarationPath(declaration.trajectoryId, made.id));
    },
    { offline: t("newVersion") },
  );
}

import type { Tx } from "../../db/connection.js";
import { competencesToCsv } from "../../domain/competences/csv.js";
import type { Framework } from "../../domain/competences/framework.js";
import type { Actor } from "../../domain/roles.js";
import { downloadName } from "../http/files.js";
import { getVersion } from "./get-framework.js";

export interface VersionFile {
  name: string;
  type: string;
  body: string;
}

const subject = (document: Framework, number: number) => `${document.name.nl}-versie-${number}`;

/**
 * A version as a file: the whole document as JSON, or its competences tree as CSV. Read through
 * the same door as the version itself, so a draft reaches its editors only (404 to others).
 */
export async function exportVersion(
  tx: Tx,
  actor: Actor,
  frameworkId: string,
  versionId: string,
  format: "json" | "csv",
): Promise<VersionFile> {
  const view = await getVersion(tx, actor, frameworkId, versionId);
  const base = subject(view.document, view.number);
  return format === "json"
    ? {
        name: downloadName(base, "kader.json"),
        type: "application/json; charset=utf-8",
        body: `${JSON.stringify(view.document, null, 2)}\n`,
      }
    : {
        name: downloadName(base, "kader.csv"),
        type: "text/csv; charset=utf-8",
        body: competencesToCsv(view.document.competences),
      };
}

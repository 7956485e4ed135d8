import type { Tx } from "../../db/connection.js";
import type { DeclarationList, DeclarationView } from "../../domain/declarations/api.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { logRead } from "../privacy/access-log.js";
import { traineeIds } from "../trajectories/load-trajectory.js";
import { loadDeclaration, loadDeclarations } from "./load-declarations.js";
import { presentDeclaration, presentDeclarations } from "./present-declaration.js";

/** The latest version of each of the regime's declarations (made when the trajectory started). */
export async function listDeclarations(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
): Promise<DeclarationList> {
  const context = await loadDeclarations(tx, actor, trajectoryId);
  await logRead(tx, actor, "declaration", traineeIds(context.loaded), trajectoryId);
  return presentDeclarations(context, locale);
}

/** One version as the requester may see it. */
export async function getDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  locale: Locale,
): Promise<DeclarationView> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId);
  await logRead(tx, actor, "declaration", traineeIds(context.loaded), declarationId);
  return presentDeclaration(context, row, locale);
}

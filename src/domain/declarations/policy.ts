import type { DeclarationSpec } from "../regimes/schema.js";
import type { Viewer } from "../trajectories/model.js";
import { canViewTrajectory } from "../trajectories/policy.js";

/**
 * Who may see and do what with a trajectory's declarations. Everyone in the trajectory and the
 * admin see them; signing is for the participants holding a slot's role (never the admin as
 * such); the deviation text, a new version and the motivation are for the signers and the admin.
 */

export const canViewDeclarations = (viewer: Viewer) => canViewTrajectory(viewer);

const holdsSignerRole = (viewer: Viewer, spec: Pick<DeclarationSpec, "signers">) =>
  spec.signers.some((slot) => slot.roles.some((role) => viewer.participantRoles.includes(role)));

/** Whether the viewer holds a role of any slot: signing itself is decided per slot by signRefusal. */
export const canSignDeclaration = (viewer: Viewer, spec: Pick<DeclarationSpec, "signers">) =>
  holdsSignerRole(viewer, spec);

export const canEditDeviation = (viewer: Viewer, spec: Pick<DeclarationSpec, "signers">) =>
  viewer.admin || holdsSignerRole(viewer, spec);

export const canStartNewVersion = (viewer: Viewer, spec: Pick<DeclarationSpec, "signers">) =>
  viewer.admin || holdsSignerRole(viewer, spec);

/** The motivated request for a guide: uploaded by the guide, the trainee, the commissioner or the admin. */
export const canUploadMotivation = (viewer: Viewer) =>
  viewer.admin || viewer.participantRoles.some((r) => r === "guide" || r === "trainee" || r === "commissioner");

export const canReadMotivation = (viewer: Viewer) => canViewTrajectory(viewer);

/**
 * The address a signature was made from is personal data: the admin sees it, and the signer sees
 * their own, on the page and on the PDF's audit page alike.
 */
export const canSeeSignatureAddress = (viewer: Viewer, signerUserId: string) =>
  viewer.admin || viewer.userId === signerUserId;

/**
 * The declaration's content as this viewer may read it: the parts of the trajectory they may not
 * see (a supervisie plan, for the employer and the admin) are left out. The hash stays that of
 * the whole content, which the signers saw.
 */
export function visibleContent<T extends { plan?: unknown; meetings?: unknown; hours?: unknown; deviation?: unknown }>(
  content: T,
  sees: (part: "plan" | "meetings" | "hours") => boolean,
): T {
  const shown = { ...content };
  if (!sees("plan")) delete shown.plan;
  if (!sees("meetings") && !sees("hours")) delete shown.meetings;
  if (!sees("hours")) delete shown.hours;
  return shown;
}

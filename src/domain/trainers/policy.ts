import { type Actor, hasRole } from "../roles.js";

/**
 * Who may do what with trainers. The pool is read by those who organise training and by the
 * trainers themselves; a trainer keeps their own topics and availability, as the organisation's
 * organisers may for them; a network coordinator certifies; the organisers of one member ask
 * another member's trainer, and the organisers of the trainer's organisation answer.
 */

export const canViewTrainers = (actor: Pick<Actor, "roles">) =>
  hasRole(actor, "admin", "training_officer", "network_coordinator", "trainer");

export const canOrganiseTrainers = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");

export const canEditTrainerProfile = (actor: Pick<Actor, "roles" | "userId">, trainerUserId: string) =>
  canOrganiseTrainers(actor) || actor.userId === trainerUserId;

export const canCertifyTrainers = (actor: Pick<Actor, "roles">) => hasRole(actor, "network_coordinator");

export const canRequestTrainers = canOrganiseTrainers;

export const canAnswerTrainerRequests = canOrganiseTrainers;

export interface TrainerAbilities {
  certify: boolean;
  request: boolean;
  answer: boolean;
  editProfiles: boolean;
}

export const trainerAbilities = (actor: Pick<Actor, "roles">): TrainerAbilities => ({
  certify: canCertifyTrainers(actor),
  request: canRequestTrainers(actor),
  answer: canAnswerTrainerRequests(actor),
  editProfiles: canOrganiseTrainers(actor),
});

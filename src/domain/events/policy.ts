import { type Actor, hasRole, type Role } from "../roles.js";

/**
 * Who may do what with learning festivals and trainings. The admin and the training officer
 * (praktijkopleider) organise events and register their people; each member registers
 * themselves for the events meant for them; the event's trainers keep its check-in list and read
 * its evaluation. What a person wrote in an evaluation is read without their name.
 */

export type Audience = "guides" | "trainers" | "both";

/** The roles an audience is made of. The training officer trains and guides: always welcome. */
const AUDIENCE_ROLES: Record<Audience, readonly Role[]> = {
  guides: ["guide", "training_officer"],
  trainers: ["trainer", "training_officer"],
  both: ["guide", "trainer", "training_officer"],
};

export const canOrganiseEvents = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");

/** Whether an event is meant for a person with these roles: they see it and may register. */
export const isAudience = (person: Pick<Actor, "roles">, audience: Audience) =>
  hasRole(person, ...AUDIENCE_ROLES[audience]);

export interface EventViewer {
  roles: Actor["roles"];
  /** One of the event's trainers. */
  trainer: boolean;
  /** Holds a place or waits for one in any session of the event. */
  participant: boolean;
}

export const canSeeEvent = (viewer: EventViewer, audience: Audience) =>
  canOrganiseEvents(viewer) || viewer.trainer || viewer.participant || isAudience(viewer, audience);

export const canRegisterSelf = (viewer: EventViewer, audience: Audience) => isAudience(viewer, audience);

/** Registering someone else, or cancelling for them. */
export const canRegisterOthers = (viewer: Pick<Actor, "roles">) => canOrganiseEvents(viewer);

/** The list of who registered, waits and came, with names. */
export const canSeeParticipants = (viewer: EventViewer) => canOrganiseEvents(viewer) || viewer.trainer;

export const canCheckIn = canSeeParticipants;

export const canReadEvaluations = canSeeParticipants;

export interface EventAbilities {
  organise: boolean;
  registerSelf: boolean;
  registerOthers: boolean;
  participants: boolean;
  checkIn: boolean;
  evaluations: boolean;
}

export const eventAbilities = (viewer: EventViewer, audience: Audience): EventAbilities => ({
  organise: canOrganiseEvents(viewer),
  registerSelf: canRegisterSelf(viewer, audience),
  registerOthers: canRegisterOthers(viewer),
  participants: canSeeParticipants(viewer),
  checkIn: canCheckIn(viewer),
  evaluations: canReadEvaluations(viewer),
});

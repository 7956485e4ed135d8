/**
 * The roles of product.md. Code names are English; the UI shows the Dutch word
 * (see the glossary in the README).
 */
export const ROLES = [
  "admin", // organisatiebeheerder
  "trainee", // begeleide
  "guide", // werkbegeleider / supervisor / adviseur
  "client", // opdrachtgever / leidinggevende
  "training_officer", // praktijkopleider / opleidingsadviseur
  "trainer", // trainer
  "school_contact", // BPV-docent
  "network_coordinator", // netwerkbeheerder
] as const;

// No Zod here: the web app's first page imports this file, and the schemas live in role-schemas.ts.
export type Role = (typeof ROLES)[number];

/** Where a request came from: kept with the audit entries it makes, nowhere else. */
export interface RequestOrigin {
  ip: string | null;
  /** The browser's own description, cut to USER_AGENT_MAX characters. */
  userAgent: string | null;
}

export const USER_AGENT_MAX = 200;

/** Who is acting, inside one organisation; `request` where a request (not a job) acts. */
export interface Actor {
  userId: string;
  organisationId: string;
  membershipId: string;
  roles: readonly Role[];
  request?: RequestOrigin | undefined;
  /**
   * Who really reads, where it is not the actor: the admin producing a person's export reads as
   * that person, and the access log names the admin (decision 0037).
   */
  readBy?: string | undefined;
}

export const hasRole = (actor: Pick<Actor, "roles">, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/**
 * Whether `actor` is the team leader of a person: the manager named on that person's membership,
 * acting with the role of client. Who reads a scan's result and who signs off an assignment both
 * ask this.
 */
export const isTeamLeaderOf = (actor: Pick<Actor, "membershipId" | "roles">, person: { managerId: string | null }) =>
  person.managerId !== null && person.managerId === actor.membershipId && hasRole(actor, "client");

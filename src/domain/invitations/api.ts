import type { Role } from "../roles.js";
import type { InvitationStatus } from "./status.js";

/** The invitation API's answers, as the web app reads them. */
export interface InvitationSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface InvitationList {
  items: InvitationSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface InvitationPreview {
  organisation: { name: string; primaryColor: string };
  name: string;
  email: string;
  accountExists: boolean;
  expiresAt: string;
}

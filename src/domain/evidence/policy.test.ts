import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { canManageProfiles, canReadEvidence, canReadProfiles } from "./policy.js";

const actor = (roles: Role[], membershipId = "m-1") => ({ roles, membershipId });

describe("evidence policy", () => {
  it("lets a person read their own ledger whatever their roles", () => {
    expect(canReadEvidence(actor(["trainee"]), "m-1")).toBe(true);
    expect(canReadEvidence(actor([]), "m-1")).toBe(true);
  });

  it("lets the admin and the training officer read someone else's, nobody else", () => {
    expect(canReadEvidence(actor(["admin"]), "m-2")).toBe(true);
    expect(canReadEvidence(actor(["training_officer"]), "m-2")).toBe(true);
    for (const role of ["trainee", "guide", "client", "trainer", "school_contact", "network_coordinator"] as Role[])
      expect(canReadEvidence(actor([role]), "m-2")).toBe(false);
  });

  it("keeps editing profiles to the admin", () => {
    expect(canManageProfiles(actor(["admin"]))).toBe(true);
    expect(canManageProfiles(actor(["training_officer"]))).toBe(false);
    expect(canReadProfiles(actor(["training_officer"]))).toBe(true);
    expect(canReadProfiles(actor(["guide"]))).toBe(false);
  });
});

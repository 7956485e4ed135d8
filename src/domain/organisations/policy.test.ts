import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles";
import { canManageBranding, canViewBranding } from "./policy";

describe("branding policy", () => {
  it.each(ROLES.map((role) => [role]))("%s may manage branding only as admin", (role: Role) => {
    expect(canManageBranding({ roles: [role] })).toBe(role === "admin");
    expect(canViewBranding({ roles: [role] })).toBe(role === "admin");
  });

  it("allows an admin who also holds other roles, and nobody without roles", () => {
    expect(canManageBranding({ roles: ["guide", "admin"] })).toBe(true);
    expect(canManageBranding({ roles: [] })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ROLES } from "../roles.js";
import { canManageBranding, canViewBranding } from "./policy.js";

describe("branding policy", () => {
  it.each([...ROLES])("%s may manage branding only as admin", (role) => {
    expect(canManageBranding({ roles: [role] })).toBe(role === "admin");
    expect(canViewBranding({ roles: [role] })).toBe(role === "admin");
  });

  it("allows an admin who also holds other roles, and nobody without roles", () => {
    expect(canManageBranding({ roles: ["guide", "admin"] })).toBe(true);
    expect(canManageBranding({ roles: [] })).toBe(false);
  });
});

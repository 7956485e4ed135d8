import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles.js";
import { canManageInvitations } from "./policy.js";

describe("canManageInvitations", () => {
  it.each(ROLES.map((role) => [role]))("%s", (role: Role) => {
    expect(canManageInvitations({ roles: [role] })).toBe(role === "admin");
  });

  it("allows an admin who also holds other roles", () => {
    expect(canManageInvitations({ roles: ["guide", "admin"] })).toBe(true);
  });

  it("refuses someone without roles", () => {
    expect(canManageInvitations({ roles: [] })).toBe(false);
  });
});

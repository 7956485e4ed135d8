import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles";
import { canViewAuditLog } from "./policy";

describe("audit log policy", () => {
  it.each(ROLES.map((role) => [role]))("%s may read the log only as admin", (role: Role) => {
    expect(canViewAuditLog({ roles: [role] })).toBe(role === "admin");
  });

  it("allows an admin with other roles too, and nobody without roles", () => {
    expect(canViewAuditLog({ roles: ["trainer", "admin"] })).toBe(true);
    expect(canViewAuditLog({ roles: [] })).toBe(false);
  });
});

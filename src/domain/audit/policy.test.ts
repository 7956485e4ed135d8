import { describe, expect, it } from "vitest";
import { ROLES } from "../roles.js";
import { canViewAuditLog } from "./policy.js";

describe("audit log policy", () => {
  it.each([...ROLES])("%s may read the log only as admin", (role) => {
    expect(canViewAuditLog({ roles: [role] })).toBe(role === "admin");
  });

  it("allows an admin with other roles too, and nobody without roles", () => {
    expect(canViewAuditLog({ roles: ["trainer", "admin"] })).toBe(true);
    expect(canViewAuditLog({ roles: [] })).toBe(false);
  });
});

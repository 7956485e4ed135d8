import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles.js";
import { canReadOutbox } from "./policy.js";

describe("canReadOutbox", () => {
  it.each(ROLES.map((role) => [role]))("%s", (role: Role) => {
    expect(canReadOutbox({ roles: [role] })).toBe(role === "admin");
  });

  it("refuses someone without roles", () => {
    expect(canReadOutbox({ roles: [] })).toBe(false);
  });
});

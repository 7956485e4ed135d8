import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles.js";
import { canDeactivate, canDropOwnAdminRole, canManagePeople, canReactivate, personAbilities } from "./policy.js";

const actor = (roles: Role[], userId = "u-actor") => ({ roles, userId });
const active = { userId: "u-other", status: "active" as const };
const deactivated = { userId: "u-other", status: "deactivated" as const };

describe("people policy", () => {
  it.each(ROLES.filter((r) => r !== "admin"))("refuses everything to a %s without the admin role", (role) => {
    const who = actor([role]);
    expect(canManagePeople(who)).toBe(false);
    expect(personAbilities(who, active)).toEqual({ edit: false, deactivate: false, reactivate: false });
    expect(personAbilities(who, deactivated)).toEqual({ edit: false, deactivate: false, reactivate: false });
  });

  it("lets an admin manage people, also when they hold other roles", () => {
    expect(canManagePeople(actor(["admin"]))).toBe(true);
    expect(canManagePeople(actor(["trainer", "admin"]))).toBe(true);
  });

  it("lets an admin deactivate an active or invited person, and reactivate a deactivated one", () => {
    const admin = actor(["admin"]);
    expect(personAbilities(admin, active)).toEqual({ edit: true, deactivate: true, reactivate: false });
    expect(canDeactivate(admin, { userId: "u-other", status: "invited" })).toBe(true);
    expect(personAbilities(admin, deactivated)).toEqual({ edit: true, deactivate: false, reactivate: true });
  });

  it("never lets an admin deactivate themself", () => {
    const admin = actor(["admin"], "u-self");
    const self = { userId: "u-self", status: "active" as const };
    expect(canDeactivate(admin, self)).toBe(false);
    expect(canReactivate(admin, self)).toBe(false);
    expect(personAbilities(admin, self).edit).toBe(true);
  });

  it("keeps an admin from taking away their own admin role, not someone else's", () => {
    const admin = actor(["admin"], "u-self");
    const self = { userId: "u-self", status: "active" as const };
    expect(canDropOwnAdminRole(admin, self, ["trainer"])).toBe(false);
    expect(canDropOwnAdminRole(admin, self, ["trainer", "admin"])).toBe(true);
    expect(canDropOwnAdminRole(admin, active, ["trainer"])).toBe(true);
  });
});

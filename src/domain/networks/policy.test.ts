import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles.js";
import { canManageNetwork, canViewNetwork } from "./policy.js";

describe("who may see and change the network", () => {
  it("shows it to admins, training officers and coordinators only", () => {
    const viewers = ROLES.filter((role) => canViewNetwork({ roles: [role] }));
    expect(viewers).toEqual(["admin", "training_officer", "network_coordinator"] satisfies Role[]);
  });

  it("lets only a coordinator rename it", () => {
    expect(ROLES.filter((role) => canManageNetwork({ roles: [role] }))).toEqual(["network_coordinator"]);
  });
});

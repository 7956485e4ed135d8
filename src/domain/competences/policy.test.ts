import { describe, expect, it } from "vitest";
import { scanReader } from "./policy.js";

const owner = { userId: "u-guide", managerId: "m-lead" };

describe("who reads a scan", () => {
  it("is its owner, whatever else they are", () => {
    expect(scanReader({ userId: "u-guide", membershipId: "m-guide", roles: ["guide"] }, owner)).toBe("owner");
  });

  it("is the organisation's praktijkopleider, for the result", () => {
    expect(scanReader({ userId: "u-po", membershipId: "m-po", roles: ["training_officer"] }, owner)).toBe(
      "praktijkopleider",
    );
  });

  it("is the team leader of the owner only, and only as client", () => {
    expect(scanReader({ userId: "u-lead", membershipId: "m-lead", roles: ["client"] }, owner)).toBe("team_leader");
    expect(scanReader({ userId: "u-other", membershipId: "m-other", roles: ["client"] }, owner)).toBeNull();
    expect(scanReader({ userId: "u-lead", membershipId: "m-lead", roles: ["guide"] }, owner)).toBeNull();
    expect(
      scanReader({ userId: "u-x", membershipId: "m-x", roles: ["client"] }, { ...owner, managerId: null }),
    ).toBeNull();
  });

  it("is nobody else: an admin, a colleague, a trainer", () => {
    for (const roles of [["admin"], ["guide"], ["trainer"], ["network_coordinator"]] as const)
      expect(scanReader({ userId: "u-x", membershipId: "m-x", roles: [...roles] }, owner)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles.js";
import {
  canConfirmAttendance,
  canManageGroups,
  canPlanMeetings,
  canSeeGroup,
  canSeeNotes,
  canWriteNotes,
  groupAbilities,
} from "./policy.js";

const viewer = (roles: Role[], member: boolean) => ({ roles, member, userId: "me" });

describe("intervisie policy", () => {
  it("lets the admin and the training officer make and staff groups, nobody else", () => {
    for (const role of ROLES)
      expect(canManageGroups({ roles: [role] })).toBe(role === "admin" || role === "training_officer");
  });

  it("gives members the meetings and the notes; the admin who is no member sees the group but not the notes", () => {
    expect(canSeeNotes(viewer(["admin"], false))).toBe(false);
    expect(canSeeGroup(viewer(["admin"], false))).toBe(true);
    expect(canPlanMeetings(viewer(["admin"], false))).toBe(false);
    expect(canSeeNotes(viewer(["trainee"], true))).toBe(true);
    expect(canWriteNotes(viewer(["trainee"], true))).toBe(true);
    expect(groupAbilities(viewer(["admin"], true))).toEqual({ manage: true, plan: true, record: true, notes: true });
  });

  it("hides a group from whoever is neither a member nor one of its managers", () => {
    for (const role of ROLES.filter((r) => r !== "admin" && r !== "training_officer"))
      expect(canSeeGroup(viewer([role], false))).toBe(false);
  });

  it("lets a present member confirm only their own line", () => {
    expect(canConfirmAttendance(viewer(["trainee"], true), { userId: "me", present: true })).toBe(true);
    expect(canConfirmAttendance(viewer(["trainee"], true), { userId: "other", present: true })).toBe(false);
    expect(canConfirmAttendance(viewer(["trainee"], true), { userId: "me", present: false })).toBe(false);
    expect(canConfirmAttendance(viewer(["admin"], false), { userId: "me", present: true })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { canCheckIn, canRegisterSelf, canSeeEvent, canSeeParticipants, eventAbilities } from "./policy.js";

const viewer = (roles: Role[], extra: { trainer?: boolean; participant?: boolean } = {}) => ({
  roles,
  trainer: extra.trainer ?? false,
  participant: extra.participant ?? false,
});

describe("event policy", () => {
  it("shows an event to its audience, its organisers, its trainers and its participants only", () => {
    expect(canSeeEvent(viewer(["guide"]), "guides")).toBe(true);
    expect(canSeeEvent(viewer(["guide"]), "trainers")).toBe(false);
    expect(canSeeEvent(viewer(["trainee"]), "both")).toBe(false);
    expect(canSeeEvent(viewer(["trainee"], { participant: true }), "both")).toBe(true);
    expect(canSeeEvent(viewer(["client"], { trainer: true }), "guides")).toBe(true);
    expect(canSeeEvent(viewer(["admin"]), "trainers")).toBe(true);
  });

  it("lets people register themselves only for events meant for them", () => {
    expect(canRegisterSelf(viewer(["trainer"]), "trainers")).toBe(true);
    expect(canRegisterSelf(viewer(["training_officer"]), "guides")).toBe(true);
    expect(canRegisterSelf(viewer(["guide"]), "trainers")).toBe(false);
    expect(canRegisterSelf(viewer(["school_contact"]), "both")).toBe(false);
  });

  it("gives the participants' names and the check-in only to organisers and the event's trainers", () => {
    expect(canSeeParticipants(viewer(["guide"], { participant: true }))).toBe(false);
    expect(canSeeParticipants(viewer(["trainer"]))).toBe(false);
    expect(canCheckIn(viewer(["trainer"], { trainer: true }))).toBe(true);
    expect(canCheckIn(viewer(["training_officer"]))).toBe(true);
    expect(eventAbilities(viewer(["guide"]), "guides")).toEqual({
      organise: false,
      registerSelf: true,
      registerOthers: false,
      participants: false,
      checkIn: false,
      evaluations: false,
    });
  });
});

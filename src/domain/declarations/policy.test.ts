import { describe, expect, it } from "vitest";
import { adminViewer, outsider, viewer } from "../trajectories/test-factories.js";
import {
  canEditDeviation,
  canReadMotivation,
  canSeeSignatureAddress,
  canSignDeclaration,
  canStartNewVersion,
  canUploadMotivation,
  canViewDeclarations,
  visibleContent,
} from "./policy.js";
import { startSpec } from "./test-factories.js";

describe("declaration policy", () => {
  const spec = startSpec();
  it("lets the participants and the admin see declarations, nobody else", () => {
    expect(canViewDeclarations(viewer("trainee"))).toBe(true);
    expect(canViewDeclarations(adminViewer())).toBe(true);
    expect(canViewDeclarations(outsider())).toBe(false);
    expect(canReadMotivation(outsider())).toBe(false);
  });

  it("lets only holders of a slot's role sign; the admin as such does not", () => {
    expect(canSignDeclaration(viewer("trainee"), spec)).toBe(true);
    expect(canSignDeclaration(viewer("guide"), spec)).toBe(true);
    expect(canSignDeclaration(adminViewer(), spec)).toBe(false);
    expect(canSignDeclaration(outsider(), spec)).toBe(false);
  });

  it("lets signers and the admin write the deviation, start a new version and upload a motivation", () => {
    for (const can of [canEditDeviation, canStartNewVersion]) {
      expect(can(viewer("trainee"), spec)).toBe(true);
      expect(can(adminViewer(), spec)).toBe(true);
      expect(can(outsider(), spec)).toBe(false);
    }
    expect(canUploadMotivation(viewer("guide"))).toBe(true);
    expect(canUploadMotivation(outsider())).toBe(false);
  });

  it("shows a signature's address to the admin and to the signer only", () => {
    const guide = viewer("guide");
    expect(canSeeSignatureAddress(guide, guide.userId)).toBe(true);
    expect(canSeeSignatureAddress(guide, "someone-else")).toBe(false);
    expect(canSeeSignatureAddress(adminViewer(), "someone-else")).toBe(true);
  });
});

describe("what a viewer reads of a declaration", () => {
  it("leaves out the parts of the trajectory they may not see", () => {
    const content = {
      title: "Supervisieverklaring",
      plan: { fields: [] },
      meetings: { held: 3 },
      hours: { faceToFaceMinutes: 90 },
    };
    expect(visibleContent(content, () => true)).toEqual(content);
    const hoursOnly = visibleContent(content, (part) => part === "hours");
    expect(hoursOnly).toEqual({
      title: "Supervisieverklaring",
      meetings: { held: 3 },
      hours: { faceToFaceMinutes: 90 },
    });
    expect(visibleContent(content, () => false)).toEqual({ title: "Supervisieverklaring" });
    expect(content.plan).toBeDefined();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARTICIPANT_ROLES } from "../regimes/schema.js";
import { reregistrationDate } from "./reregistration.js";
import {
  type DeclarationStateInput,
  type DeclarationVersion,
  declarationState,
  type SignatureFact,
  signableSlots,
  signRefusal,
  statusAfterSigning,
} from "./state.js";
import { endSpec, startSpec } from "./test-factories.js";

const LIVE = "1".repeat(64);
const OTHER = "2".repeat(64);
const trainee = { userId: "u-trainee", roles: ["trainee" as const] };
const guide = { userId: "u-guide", roles: ["guide" as const] };
const commissioner = { userId: "u-client", roles: ["commissioner" as const] };

const version = (changes: Partial<DeclarationVersion> = {}): DeclarationVersion => ({
  id: "d1",
  number: 1,
  status: "open",
  contentSha256: null,
  ...changes,
});
const signature = (signerKey: string, userId: string, declarationId = "d1"): SignatureFact => ({
  declarationId,
  signerKey,
  userId,
  signedAt: "2026-02-01T10:00:00.000Z",
});
const state = (changes: Partial<DeclarationStateInput> = {}) =>
  declarationState({
    spec: startSpec(),
    versions: [version()],
    signatures: [],
    liveContentHash: LIVE,
    today: "2026-02-01",
    reregistrationDate: null,
    ...changes,
  });

describe("declarationState", () => {
  it("has every slot waiting on a new version, and the trainee and the guide may each sign their own", () => {
    const s = state();
    expect(s.slots.map((slot) => slot.signature)).toEqual([null, null]);
    expect(s.fullySigned).toBe(false);
    expect(signableSlots(s, trainee)).toEqual(["professional"]);
    expect(signableSlots(s, guide)).toEqual(["employer_or_guide"]);
    expect(signableSlots(s, commissioner)).toEqual(["employer_or_guide"]);
  });

  it("refuses one person signing both slots of the same version", () => {
    const both = { userId: "u-both", roles: ["trainee" as const, "guide" as const] };
    const s = state({
      versions: [version({ contentSha256: LIVE })],
      signatures: [signature("professional", "u-both")],
    });
    expect(signableSlots(s, both)).toEqual([]);
    expect(signRefusal(s, both, "employer_or_guide")).toBe("signedOtherSlot");
    expect(signRefusal(s, guide, "employer_or_guide")).toBeNull();
    expect(signRefusal(s, guide, "professional")).toBe("alreadySigned");
    expect(signRefusal(s, trainee, "nope")).toBe("unknownSlot");
    expect(signRefusal(state(), commissioner, "professional")).toBe("notSigner");
  });

  it("is fully signed when both slots are, and the status follows the last signature", () => {
    const first = state({
      versions: [version({ contentSha256: LIVE })],
      signatures: [signature("professional", "u-trainee")],
    });
    expect(statusAfterSigning(first.slots, "employer_or_guide")).toBe("signed");
    expect(statusAfterSigning(state().slots, "professional")).toBe("open");
    const done = state({
      versions: [version({ contentSha256: LIVE, status: "signed" })],
      signatures: [signature("professional", "u-trainee"), signature("employer_or_guide", "u-guide")],
    });
    expect(done.fullySigned).toBe(true);
    expect(signableSlots(done, guide)).toEqual([]);
    expect(signRefusal(done, guide, "employer_or_guide")).toBe("notOpen");
  });

  it("says the content changed since signing and refuses further signatures until a new version", () => {
    const s = state({
      versions: [version({ contentSha256: OTHER })],
      signatures: [signature("professional", "u-trainee")],
    });
    expect(s.changedSinceSigning).toBe(true);
    expect(s.needsNewVersion).toBe(true);
    expect(signRefusal(s, guide, "employer_or_guide")).toBe("changed");
    // A newer version starts afresh; the old signatures do not count for it.
    const next = state({
      versions: [version({ contentSha256: OTHER, status: "superseded" }), version({ id: "d2", number: 2 })],
      signatures: [signature("professional", "u-trainee")],
    });
    expect(next.latest?.id).toBe("d2");
    expect(next.changedSinceSigning).toBe(false);
    expect(signableSlots(next, trainee)).toEqual(["professional"]);
  });

  it("is overdue past the re-registration date while not fully signed", () => {
    const end = (today: string, signatures: SignatureFact[] = []) =>
      state({ spec: endSpec(), today, reregistrationDate: "2026-03-01", signatures });
    expect(end("2026-03-01").overdue).toBe(false);
    expect(end("2026-03-02").overdue).toBe(true);
    expect(end("2026-03-02").dueDate).toBe("2026-03-01");
    expect(
      end("2026-03-02", [signature("professional", "u-trainee"), signature("employer_or_guide", "u-guide")]).overdue,
    ).toBe(false);
    expect(state({ spec: endSpec(), today: "2030-01-01", reregistrationDate: null }).overdue).toBe(false);
    expect(state({ today: "2030-01-01", reregistrationDate: "2026-03-01" }).overdue).toBe(false);
  });

  it("never lets anyone sign a slot whose roles they lack, or two slots of one version", () => {
    const roles = fc.subarray([...PARTICIPANT_ROLES]);
    fc.assert(
      fc.property(roles, fc.boolean(), (held, signedFirst) => {
        const who = { userId: "u-x", roles: held };
        const s = state({
          versions: [version({ contentSha256: LIVE })],
          signatures: signedFirst ? [signature("professional", "u-x")] : [],
        });
        for (const key of signableSlots(s, who)) {
          const slot = s.slots.find((x) => x.key === key);
          expect(slot?.roles.some((r) => held.includes(r))).toBe(true);
          expect(signedFirst).toBe(false);
        }
      }),
    );
  });
});

describe("reregistrationDate", () => {
  it("takes the earliest date on or after the start, or none", () => {
    const regs = [
      { reregistrationDate: "2025-06-01" },
      { reregistrationDate: "2027-05-01" },
      { reregistrationDate: null },
      { reregistrationDate: "2026-09-01" },
    ];
    expect(reregistrationDate(regs, "2026-01-01")).toBe("2026-09-01");
    expect(reregistrationDate(regs, "2026-09-01")).toBe("2026-09-01");
    expect(reregistrationDate(regs, "2028-01-01")).toBeNull();
    expect(reregistrationDate([], "2026-01-01")).toBeNull();
  });

  it("is never before the start and never later than another candidate", () => {
    const date = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.option(date, { nil: null })), date, (dates, start) => {
        const found = reregistrationDate(
          dates.map((d) => ({ reregistrationDate: d })),
          start,
        );
        const candidates = dates.filter((d): d is string => d !== null && d >= start);
        if (found === null) expect(candidates).toEqual([]);
        else {
          expect(found >= start).toBe(true);
          expect(candidates.every((d) => found <= d)).toBe(true);
        }
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declarationContent } from "./content.js";
import { canonicalJson, contentHash, isSha256 } from "./hash.js";
import { endSpec, facts, startSpec } from "./test-factories.js";

describe("declarationContent", () => {
  it("writes the start declaration from the plan, the parties and the guide's eligibility", () => {
    const content = declarationContent(startSpec(), facts());
    expect(content.title).toBe("Verklaring plan werkbegeleiding");
    expect(content.form).toBe("A");
    expect(content.parties?.map((p) => p.name)).toEqual(["Daan Bakker", "Sanne Visser"]);
    expect(content.guideEligibility).toMatchObject({
      verdict: "eligibleWithMotivation",
      motivationUploaded: false,
      motivationSha256: null,
    });
    expect(content.plan?.fields.find((f) => f.key === "reason")?.value).toBe("Startende professional");
    expect(content.plan?.evaluationMoments).toEqual([{ date: "2026-06-01", label: "Tussenevaluatie" }]);
    expect(content.meetings).toBeUndefined();
    expect(content.deviation).toBeUndefined();
  });

  it("counts only held meetings and their face-to-face minutes for the end declaration", () => {
    const content = declarationContent(endSpec(), facts({ deviation: "  Twee weken ziek.  " }));
    expect(content.meetings).toEqual({ held: 2 });
    expect(content.hours).toEqual({ faceToFaceMinutes: 105 });
    expect(content.deviation).toEqual({ text: "Twee weken ziek." });
    expect(content.plan).toBeUndefined();
    expect(content.trajectory.reregistrationDate).toBe("2027-03-01");
  });

  it("records the motivation by its hash and speaks English when asked", () => {
    const sha = "a".repeat(64);
    const content = declarationContent(startSpec(), facts({ motivationSha256: sha }), "en");
    expect(content.guideEligibility).toMatchObject({ motivationUploaded: true, motivationSha256: sha });
    expect(content.title).toBe("Declaration of the guidance plan");
    expect(content.guideEligibility?.verdictLabel).toBe("Meets them with a motivated request");
  });

  it("is deterministic: the same facts give the same hash, a changed plan another", () => {
    const a = contentHash(declarationContent(startSpec(), facts()));
    expect(contentHash(declarationContent(startSpec(), facts()))).toBe(a);
    expect(isSha256(a)).toBe(true);
    const changed = contentHash(declarationContent(startSpec(), facts({ plan: { reason: "Anders" } })));
    expect(changed).not.toBe(a);
    // The participants' order does not matter.
    const swapped = facts();
    const reversed = contentHash(
      declarationContent(startSpec(), { ...swapped, participants: [...swapped.participants].reverse() }),
    );
    expect(reversed).toBe(a);
  });
});

/** A copy of a JSON value with every object's keys in another order. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffled(v, seed + i));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length] as [string, unknown]);
  return Object.fromEntries((seed % 2 ? rotated.reverse() : rotated).map(([k, v]) => [k, shuffled(v, seed + 1)]));
}

describe("canonical JSON and contentHash", () => {
  it("gives the same hash whatever the order of the keys", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        expect(contentHash(shuffled(value, seed))).toBe(contentHash(value));
      }),
    );
  });

  it("reads back as the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("tells different values apart", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect(contentHash(a) === contentHash(b)).toBe(same);
      }),
    );
  });
});

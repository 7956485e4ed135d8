import { describe, expect, it } from "vitest";
import { verifiedState } from "./verification.js";

const first = "2026-03-01T10:00:00.000Z";
const second = "2026-03-02T10:00:00.000Z";

describe("verifiedState", () => {
  it("a draft is a draft, never signed", () => {
    expect(verifiedState({ status: "open", signedAt: [], issuedAt: null, latest: true })).toEqual({
      status: "draft",
      current: true,
      signedAndCurrent: false,
      signatureCount: 0,
    });
  });

  it("a version with some signatures is partially signed", () => {
    expect(verifiedState({ status: "open", signedAt: [first], issuedAt: null, latest: true })).toMatchObject({
      status: "partially_signed",
      signedAndCurrent: false,
    });
  });

  it("only a fully signed, current version is signed and current", () => {
    expect(verifiedState({ status: "signed", signedAt: [first, second], issuedAt: null, latest: true })).toEqual({
      status: "signed",
      current: true,
      signedAndCurrent: true,
      signatureCount: 2,
    });
    expect(verifiedState({ status: "signed", signedAt: [first, second], issuedAt: null, latest: false })).toMatchObject(
      { status: "signed", current: false, signedAndCurrent: false },
    );
  });

  it("a superseded version is superseded, whatever it carries", () => {
    expect(verifiedState({ status: "superseded", signedAt: [first], issuedAt: null, latest: false })).toMatchObject({
      status: "superseded",
      current: false,
      signedAndCurrent: false,
    });
  });

  it("judges a file as it was handed out: a copy from before the last signature is not the signed document", () => {
    const facts = { status: "signed" as const, signedAt: [first, second], latest: true };
    expect(verifiedState({ ...facts, issuedAt: "2026-02-28T10:00:00.000Z" })).toMatchObject({
      status: "draft",
      signedAndCurrent: false,
      signatureCount: 0,
    });
    expect(verifiedState({ ...facts, issuedAt: "2026-03-01T12:00:00.000Z" })).toMatchObject({
      status: "partially_signed",
      signedAndCurrent: false,
      signatureCount: 1,
    });
    // Handed out in the same moment as the last signature: the signed document itself.
    expect(verifiedState({ ...facts, issuedAt: second })).toMatchObject({ status: "signed", signedAndCurrent: true });
  });
});

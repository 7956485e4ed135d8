import { describe, expect, it } from "vitest";
import { type DeclarationView, declarationBadges } from "./model";

const slot = (label: string, signed: boolean) => ({
  key: label.toLowerCase(),
  label,
  roles: ["trainee" as const],
  signature: signed
    ? { userId: "00000000-0000-4000-8000-000000000001", name: "X", signedAt: "", contentSha256: "", ip: null }
    : null,
});
const view = (changes: Partial<DeclarationView>) =>
  ({
    status: "open",
    overdue: false,
    changedSinceSigning: false,
    fullySigned: false,
    contentSha256: null,
    slots: [slot("Professional", false), slot("Werkgever", false)],
    ...changes,
  }) as DeclarationView;

describe("declarationBadges", () => {
  it("names a draft and whom it waits for", () => {
    expect(declarationBadges(view({})).map((b) => [b.kind, b.who])).toEqual([
      ["concept", undefined],
      ["waiting", "Professional, Werkgever"],
    ]);
  });

  it("puts late first, in red, and says when it changed after signing", () => {
    const badges = declarationBadges(
      view({
        overdue: true,
        changedSinceSigning: true,
        contentSha256: "a",
        slots: [slot("Professional", true), slot("Werkgever", false)],
      }),
    );
    expect(badges.map((b) => [b.kind, b.color])).toEqual([
      ["late", "red"],
      ["changed", "orange"],
      ["waiting", "blue"],
    ]);
  });

  it("shows signed and superseded on their own", () => {
    expect(
      declarationBadges(view({ fullySigned: true, status: "signed", contentSha256: "a" })).map((b) => b.kind),
    ).toEqual(["signed"]);
    expect(declarationBadges(view({ status: "superseded" })).map((b) => b.kind)).toEqual(["superseded"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUP_NORMS, type NormMember, warnings } from "./norms.js";

const member = (n: number, managerId: string | null = null): NormMember => ({
  userId: `u${n}`,
  name: `Lid ${n}`,
  membershipId: `m${n}`,
  managerId,
});
const members = (count: number) => Array.from({ length: count }, (_, i) => member(i + 1));

describe("group norms", () => {
  it("warns below three and above eight members, not in between", () => {
    expect(warnings({ members: members(2) })).toEqual([{ kind: "tooFew", count: 2, min: 3 }]);
    expect(warnings({ members: members(9) })).toEqual([{ kind: "tooMany", count: 9, max: 8 }]);
    for (let n = GROUP_NORMS.minMembers; n <= GROUP_NORMS.maxMembers; n++)
      expect(warnings({ members: members(n) })).toEqual([]);
  });

  it("names who manages whom when a member's manager is in the group", () => {
    const group = { members: [member(1), member(2, "m1"), member(3), member(4, "m9")] };
    expect(warnings(group)).toEqual([
      { kind: "authority", manager: "Lid 1", managerUserId: "u1", report: "Lid 2", reportUserId: "u2" },
    ]);
  });

  it("gives a size warning exactly outside the norm, whatever the relations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), (count) => {
        const found = warnings({ members: members(count) });
        const size = found.filter((w) => w.kind !== "authority");
        expect(size.length).toBe(count < 3 || count > 8 ? 1 : 0);
      }),
    );
  });
});

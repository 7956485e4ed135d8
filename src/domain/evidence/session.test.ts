import { describe, expect, it } from "vitest";
import { builtinRegime } from "../regimes/builtin.js";
import { groupSizeFromPlan, heldGroupSize, recordsMode } from "./session.js";

const supervisie = builtinRegime("supervisie") ?? { evidence: null };
const teacher = builtinRegime("werkbegeleiding_leerkracht") ?? { evidence: null };

describe("what a held session counts for", () => {
  it("takes the plan's group size when the session becomes held", () => {
    expect(heldGroupSize(supervisie, { group_size: "3" }, { status: "planned", groupSize: null }, "held")).toBe(3);
  });

  it("keeps the recorded group size while it stays held, whatever the plan says now", () => {
    expect(heldGroupSize(supervisie, { group_size: "1" }, { status: "held", groupSize: 3 }, "held")).toBe(3);
  });

  it("records none for a session that is not held, or a regime without a group size", () => {
    expect(heldGroupSize(supervisie, { group_size: "2" }, { status: "held", groupSize: 2 }, "cancelled")).toBeNull();
    expect(heldGroupSize(teacher, { group_size: "2" }, { status: "planned", groupSize: null }, "held")).toBeNull();
  });

  it("reads only a whole group size of 1 to 10 from the plan", () => {
    expect(groupSizeFromPlan(supervisie, { group_size: " 2 " })).toBe(2);
    for (const value of ["", "0", "11", "2.5", "twee"])
      expect(groupSizeFromPlan(supervisie, { group_size: value }), value).toBeNull();
  });

  it("asks how a session took place only where the regime's meetings count as evidence", () => {
    expect(recordsMode(supervisie)).toBe(true);
    expect(recordsMode(teacher)).toBe(false);
  });
});

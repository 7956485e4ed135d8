import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinRegime } from "../regimes/builtin.js";
import { planFieldProblems } from "./plan.js";

const supervisie = builtinRegime("supervisie")!;
const skj = builtinRegime("skj_werkbegeleiding")!;

describe("planFieldProblems", () => {
  it("accepts the options of a choice field and any text in a text field", () => {
    expect(planFieldProblems(supervisie, { group_size: "2", supervisievragen: "Wat raakt mij?" })).toEqual([]);
    expect(planFieldProblems(skj, { organisatievorm: "netwerkorganisatie", vorm: "Individueel" })).toEqual([]);
  });

  it("refuses a value that is not an option, and a field the regime does not have", () => {
    expect(planFieldProblems(supervisie, { group_size: "4" })).toEqual([{ field: "group_size", code: "notAnOption" }]);
    expect(planFieldProblems(skj, { hobby: "zeilen" })).toEqual([{ field: "hobby", code: "unknownField" }]);
  });

  it("lets an empty value clear a choice field", () => {
    expect(planFieldProblems(supervisie, { group_size: " " })).toEqual([]);
  });

  it("a choice is accepted exactly when it is one of the options", () => {
    const options = supervisie.planFields.find((f) => f.key === "group_size")?.options?.map((o) => o.value) ?? [];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...options), fc.string({ minLength: 1 })), (value) => {
        const ok = value.trim() === "" || options.includes(value.trim());
        expect(planFieldProblems(supervisie, { group_size: value }).length === 0).toBe(ok);
      }),
    );
  });
});

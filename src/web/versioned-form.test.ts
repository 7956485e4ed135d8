import { describe, expect, it } from "vitest";
import { followRow } from "./versioned-form";

/** A record as the server answers it, and the form values it gives. */
interface Row {
  version: number;
  name: string;
  jobTitle: string;
  plan: { intake: string; goal: string };
}
type Values = { name: string; jobTitle: string; plan: { intake: string; goal: string } };
const toForm = ({ version: _, ...values }: Row): Values => structuredClone(values);

const first: Row = { version: 1, name: "Anna", jobTitle: "Trainer", plan: { intake: "", goal: "" } };
const baseline = { row: first, values: toForm(first) };

describe("a versioned form meets a newer row", () => {
  const typed: Values = { ...toForm(first), name: "Anna de Vries", plan: { intake: "Gesprek", goal: "" } };
  const newer: Row = { version: 2, name: "Anna", jobTitle: "Teamleider", plan: { intake: "", goal: "Lesgeven" } };

  it("on 'load the new version': takes the server's values where the user typed nothing, keeps the user's edits", () => {
    const { values, clashes, baseline: next } = followRow("reload", typed, baseline, newer, toForm);
    expect(values).toEqual({
      name: "Anna de Vries",
      jobTitle: "Teamleider",
      plan: { intake: "Gesprek", goal: "Lesgeven" },
    });
    expect(clashes).toEqual([]);
    // The version the next save sends is the newer row's.
    expect(next.row.version).toBe(2);
    expect(next.values).toEqual(toForm(newer));
  });

  it("lists a field both changed, inside a group by its path, keeping the user's input", () => {
    const both: Row = { ...newer, plan: { intake: "Telefoon", goal: "Lesgeven" } };
    const { values, clashes } = followRow("reload", typed, baseline, both, toForm);
    expect(values.plan).toEqual({ intake: "Gesprek", goal: "Lesgeven" });
    expect(clashes).toEqual(["plan.intake"]);
  });

  it("puts the new version in a form the user had not touched, as the server has it", () => {
    const { values, clashes } = followRow("reload", toForm(first), baseline, newer, toForm);
    expect(values).toEqual(toForm(newer));
    expect(clashes).toEqual([]);
  });

  it("on 'keep my input': the form stays as typed and only the version moves on, so the next save goes through", () => {
    const { values, clashes, baseline: next } = followRow("keep", typed, baseline, newer, toForm);
    expect(values).toBe(typed);
    expect(clashes).toEqual([]);
    expect(next.row.version).toBe(2);
  });

  it("after 'keep my input', a later newer row merges against the row that was kept, not the first one", () => {
    const kept = followRow("keep", typed, baseline, newer, toForm);
    const third: Row = { ...newer, version: 3, jobTitle: "Coach" };
    const { values, clashes } = followRow("reload", kept.values, kept.baseline, third, toForm);
    // jobTitle was the first row's in the form, so it counts as the user's input against row 2.
    expect(values.jobTitle).toBe("Trainer");
    expect(clashes).toEqual(["jobTitle"]);
  });
});

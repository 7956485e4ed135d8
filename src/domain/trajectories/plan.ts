import type { Regime } from "../regimes/schema.js";

export type PlanFieldProblem = { field: string; code: "unknownField" | "notAnOption" };

/**
 * What is wrong with a plan as the regime defines it: a field it does not have, or a choice
 * field whose value is not one of its options. Empty values are not checked (they clear a field).
 */
export function planFieldProblems(
  regime: Pick<Regime, "planFields">,
  plan: Record<string, string>,
): PlanFieldProblem[] {
  const problems: PlanFieldProblem[] = [];
  for (const [key, value] of Object.entries(plan)) {
    const field = regime.planFields.find((f) => f.key === key);
    if (!field) problems.push({ field: key, code: "unknownField" });
    else if (field.kind === "choice" && value.trim() !== "" && !field.options?.some((o) => o.value === value.trim()))
      problems.push({ field: key, code: "notAnOption" });
  }
  return problems;
}

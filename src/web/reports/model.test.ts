import { describe, expect, it } from "vitest";
import { builtinRegime } from "../../domain/regimes/builtin";
import { reportPdfUrl, reportToForm } from "./model";

describe("the report form", () => {
  it("has one text per section of the regime, in its order, empty where the report has none", () => {
    const regime = builtinRegime("coaching");
    if (!regime) throw new Error("built-in regime missing");
    const values = reportToForm(regime, { sections: { next_steps: "Doorgaan", results: "1. Doel", retired: "oud" } });
    expect(Object.entries(values.sections)).toEqual([
      ["results", "1. Doel"],
      ["process", ""],
      ["next_steps", "Doorgaan"],
    ]);
  });

  it("links the PDF under the API", () => {
    expect(reportPdfUrl("0b5e2c1a-0000-4000-8000-000000000001")).toBe(
      "/api/v1/trajectories/0b5e2c1a-0000-4000-8000-000000000001/report.pdf",
    );
  });
});

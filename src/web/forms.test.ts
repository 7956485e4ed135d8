import { describe, expect, it } from "vitest";
import { z } from "zod";
import { intensitySchema } from "../domain/regimes/schema";
import { formPathOf, schemaAt, schemaResolver } from "./forms";

describe("where a server's field message lands in a form", () => {
  const values = {
    version: 3,
    name: "",
    document: {
      meetingTypes: [
        { min: 1, max: null },
        { min: 3, max: 5 },
      ],
      consents: [],
    },
  };

  it("is the field itself when the form holds it, at any depth", () => {
    expect(formPathOf(values, "name")).toBe("name");
    expect(formPathOf(values, "document.meetingTypes.1.max")).toBe("document.meetingTypes.1.max");
    // A field whose value is null is still a field.
    expect(formPathOf(values, "document.meetingTypes.0.max")).toBe("document.meetingTypes.0.max");
  });

  it("is the nearest enclosing part of the form for a deeper name the form does not hold", () => {
    expect(formPathOf(values, "document.consents.0.label.nl")).toBe("document.consents");
    expect(formPathOf(values, "document.meetingTypes.4")).toBe("document.meetingTypes");
  });

  it("is the list itself for an entry of a list of plain values, which one input shows", () => {
    const chosen = { memberIds: ["a", "b", "c"], name: "" };
    expect(formPathOf(chosen, "memberIds.2")).toBe("memberIds");
    expect(formPathOf(chosen, "memberIds.7")).toBe("memberIds");
  });

  it("is nothing for a name outside the form", () => {
    expect(formPathOf(values, "email")).toBeNull();
    expect(formPathOf(values, "")).toBeNull();
    expect(formPathOf(values, "constructor")).toBeNull();
  });
});

describe("the one resolver: a domain schema checks a form", () => {
  const schema = z.object({
    title: z.string().trim().min(1).max(20),
    intensity: intensitySchema.nullable(),
  });
  const message = (issue: z.core.$ZodIssue, at: z.ZodType | undefined) =>
    `${issue.code}${at?._zod.def.type === "number" ? ` ${(at as z.ZodNumber).minValue}-${(at as z.ZodNumber).maxValue}` : ""}`;

  it("is quiet when the values are what the domain accepts", () => {
    const check = schemaResolver(schema, message);
    expect(check({ title: "Lesgeven", intensity: null })).toEqual({});
    expect(
      check({ title: "Lesgeven", intensity: { meetingType: "visit", phases: [{ everyWeeks: 2, times: 3 }] } }),
    ).toEqual({});
  });

  it("puts the domain's rule at the field's path, with the bounds of the schema at that path", () => {
    const check = schemaResolver(schema, message);
    const errors = check({
      title: " ",
      intensity: {
        meetingType: "visit",
        phases: [
          { everyWeeks: 0, times: 3 },
          { everyWeeks: 2, times: 53 },
        ],
      },
    });
    expect(errors).toEqual({
      title: "too_small",
      "intensity.phases.0.everyWeeks": "too_small 1-52",
      "intensity.phases.1.times": "too_big 1-52",
    });
  });

  it("checks the request the form will send, not the form's raw values", () => {
    const check = schemaResolver(schema, message, (values: { title: string; weeks: string }) => ({
      title: values.title,
      intensity: { meetingType: "visit", phases: [{ everyWeeks: Number(values.weeks), times: 1 }] },
    }));
    expect(check({ title: "Lesgeven", weeks: "" })).toEqual({ "intensity.phases.0.everyWeeks": "too_small 1-52" });
    expect(check({ title: "Lesgeven", weeks: "x" })).toEqual({ "intensity.phases.0.everyWeeks": "invalid_type 1-52" });
  });

  it("finds the schema at a path through lists, records and nullables, and nothing past a leaf", () => {
    const nested = z.object({ plan: z.record(z.string(), z.string().max(5)), intensity: intensitySchema.nullable() });
    expect(schemaAt(nested, ["plan", "goal"])?._zod.def.type).toBe("string");
    expect(schemaAt(nested, ["intensity", "phases", 3, "times"])?._zod.def.type).toBe("number");
    expect(schemaAt(nested, ["intensity", "meetingType", "x"])).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { isMethodKey, METHOD_KEYS, METHODS, methodOf } from "./methods.js";

describe("the method library", () => {
  it("has the five methods, each named, described and with ordered steps in Dutch and English", () => {
    expect(METHOD_KEYS).toEqual(["incident", "roddel", "balint", "socratic", "five_step"]);
    for (const key of METHOD_KEYS) {
      const method = METHODS[key];
      expect(method.key).toBe(key);
      for (const text of [method.name, method.description, ...method.steps]) {
        expect(text.nl.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
        expect(text.nl).not.toBe(text.en);
      }
      expect(method.steps.length).toBeGreaterThanOrEqual(4);
      expect(method.typicalMinutes).toBeGreaterThan(0);
    }
  });

  it("follows the incident method as described: at most 3 minutes, questions, core, advice, choice", () => {
    expect(METHODS.incident.steps.map((s) => s.en)).toHaveLength(5);
    expect(METHODS.incident.steps[0]?.nl).toContain("3 minuten");
    expect(METHODS.balint.steps).toHaveLength(10);
    expect(METHODS.balint.typicalMinutes).toBe(90);
    expect(METHODS.five_step.steps).toHaveLength(5);
  });

  it("knows a method by its key only", () => {
    expect(isMethodKey("balint")).toBe(true);
    expect(isMethodKey("toString")).toBe(false);
    expect(methodOf("withdrawn")).toBeUndefined();
    expect(methodOf("socratic")?.name.nl).toBe("Socratische methode");
  });
});

import { describe, expect, it } from "vitest";
import { formPathOf } from "./forms";

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

  it("is nothing for a name outside the form", () => {
    expect(formPathOf(values, "email")).toBeNull();
    expect(formPathOf(values, "")).toBeNull();
    expect(formPathOf(values, "constructor")).toBeNull();
  });
});

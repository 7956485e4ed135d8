import type { UseFormReturnType } from "@mantine/form";
import { describe, expect, it } from "vitest";
import { conflictChoices, formPathOf } from "./forms";

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

describe("the answers to a conflict", () => {
  type Values = { version: number; name: string };
  function setup(fresh: Values | undefined) {
    const steps: string[] = [];
    let values: Values = { version: 1, name: "typed by the user" };
    const form = {
      get values() {
        return values;
      },
      setValues: (next: Values) => {
        values = next;
        steps.push("setValues");
      },
      setFieldValue: (path: keyof Values, value: never) => {
        values = { ...values, [path]: value };
        steps.push(`setFieldValue ${String(path)}`);
      },
      resetDirty: () => steps.push("resetDirty"),
    } as unknown as UseFormReturnType<Values>;
    const choices = conflictChoices(form, {
      reload: async () => {
        steps.push("reload");
        return fresh;
      },
      toForm: (record: Values) => ({ ...record }),
      done: () => steps.push("done"),
    });
    return { choices, steps, values: () => values };
  }

  it("puts the new version in the form, as not yet changed, and closes the notice", async () => {
    const { choices, steps, values } = setup({ version: 2, name: "saved by someone else" });
    await choices.onReload();
    expect(values()).toEqual({ version: 2, name: "saved by someone else" });
    expect(steps).toEqual(["reload", "setValues", "resetDirty", "done"]);
  });

  it("keeps what the user typed when they choose to, with the new version, so the next save goes through", async () => {
    const { choices, steps, values } = setup({ version: 2, name: "saved by someone else" });
    await choices.onDismiss();
    expect(values()).toEqual({ version: 2, name: "typed by the user" });
    expect(steps).toEqual(["reload", "setFieldValue version", "done"]);
  });

  it("leaves the form alone when the record could not be reloaded", async () => {
    const { choices, steps, values } = setup(undefined);
    await choices.onReload();
    expect(values()).toEqual({ version: 1, name: "typed by the user" });
    expect(steps).toEqual(["reload", "done"]);
  });
});

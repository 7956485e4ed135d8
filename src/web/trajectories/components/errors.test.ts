import { describe, expect, it } from "vitest";
import { ApiError } from "../../api";
import { renameFields } from "./errors";

describe("renameFields", () => {
  it("moves a request field's message to the form field, keeping the rest of the problem", () => {
    const error = new ApiError({
      status: 422,
      code: "problem.validation",
      title: "Controleer de velden.",
      errors: { startsAt: "Deze datum valt buiten de periode.", type: "Onbekend." },
    });
    const renamed = renameFields(error, { startsAt: "date" });
    expect(renamed).toBeInstanceOf(ApiError);
    expect((renamed as ApiError).fieldErrors).toEqual({
      date: "Deze datum valt buiten de periode.",
      type: "Onbekend.",
    });
    expect((renamed as ApiError).status).toBe(422);
    expect((renamed as ApiError).problem.title).toBe("Controleer de velden.");
  });

  it("passes other errors through untouched", () => {
    const offline = new TypeError("Failed to fetch");
    expect(renameFields(offline, { startsAt: "date" })).toBe(offline);
    const conflict = new ApiError({ status: 409, code: "problem.conflict", title: "Gewijzigd." });
    expect(renameFields(conflict, { startsAt: "date" })).toBe(conflict);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRetention } from "../../src/domain/privacy/describe.js";
import { PERSONAL_DATA } from "../../src/domain/privacy/registry.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { signIn } from "../support/factories.js";
import { pdfText } from "../support/pdf-text.js";

/** The processing register as a PDF: every kind of personal data, as the page shows it, for admins only. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the processing register as a PDF", () => {
  it("lists every entry of the registry with what it is for, who sees it, how long and on erasure", async () => {
    const admin = await signIn(t, "beheer@delinde.example");
    const response = await admin.get("/api/v1/processing-register.pdf");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, " ");
    for (const expected of ["Verwerkingsregister", "Zorggroep De Linde", "Bij verwijderen van een persoon"])
      expect(text).toContain(expected);
    for (const entry of PERSONAL_DATA) expect(text, entry.table).toContain(entry.what.nl.replace(/\s+/g, " "));
    const work = PERSONAL_DATA.find((e) => e.table === "work_hours");
    expect(text).toContain(describeRetention(work?.retention ?? { kind: "withMembership" }).nl);
  });

  it("is for admins only", async () => {
    const guide = await signIn(t, "sanne.visser@netwerk.example");
    expect((await guide.get("/api/v1/processing-register.pdf")).statusCode).toBe(403);
  });
});

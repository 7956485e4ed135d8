import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QualificationList } from "../../src/domain/qualifications/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus as ok, signIn } from "../support/factories.js";

/**
 * Qualifications through the API: the praktijkopleider pastes a qualification's core tasks and
 * work processes, told at the field which line is wrong; every member reads them to pick goals
 * from; another organisation sees none of them.
 */

let t: TestApp;
let officer: TestClient;
let guide: TestClient;
let outsider: TestClient;

const TEXT = `B1-K1 Biedt zorg
B1-K1-W1 Plant de zorg
B1-K1-W2 Draagt de zorg over`;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, "joost.smit@delinde.example");
  guide = await signIn(t, "sanne.visser@netwerk.example");
  outsider = await signIn(t, "beheer@rivierenland.example", "rivier");
});
afterAll(() => t.close());

describe("qualifications", () => {
  let id = "";

  it("are pasted by the praktijkopleider, a wrong line told at the field, and read by every member", async () => {
    const wrong = await officer.post("/api/v1/qualifications", {
      name: "Verzorgende IG",
      code: "25491",
      text: "B1-K1 Biedt zorg\nB1-K2-W1 Los werkproces",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual({ text: expect.stringContaining("Regel 2") });
    expect(wrong.json().errors.text).toContain("B1-K2-W1");

    const made = ok<QualificationList>(
      await officer.post("/api/v1/qualifications", { name: "Verzorgende IG", code: "25491", text: TEXT }),
      201,
    );
    const mine = made.items.find((q) => q.name === "Verzorgende IG");
    expect(mine).toMatchObject({
      code: "25491",
      tasks: [
        {
          code: "B1-K1",
          title: "Biedt zorg",
          workProcesses: [
            { code: "B1-K1-W1", title: "Plant de zorg" },
            { code: "B1-K1-W2", title: "Draagt de zorg over" },
          ],
        },
      ],
      version: 1,
    });
    id = mine?.id ?? "";

    const read = ok<QualificationList>(await guide.get("/api/v1/qualifications"));
    expect(read.canManage).toBe(false);
    expect(read.items.map((q) => q.id)).toContain(id);
    expect((await guide.post("/api/v1/qualifications", { name: "X", code: null, text: TEXT })).statusCode).toBe(403);
  });

  it("are changed by version, and a stale change is 409", async () => {
    const changed = ok<QualificationList>(
      await officer.put(`/api/v1/qualifications/${id}`, {
        name: "Verzorgende IG",
        code: "25491",
        text: `${TEXT}\nB1-K2 Werkt aan kwaliteit\nB1-K2-W1 Reflecteert op het eigen werk`,
        version: 1,
      }),
    );
    expect(changed.items.find((q) => q.id === id)?.tasks.map((task) => task.code)).toEqual(["B1-K1", "B1-K2"]);
    const stale = await officer.put(`/api/v1/qualifications/${id}`, {
      name: "Oud",
      code: null,
      text: TEXT,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("stay in their organisation", async () => {
    const theirs = ok<QualificationList>(await outsider.get("/api/v1/qualifications"));
    expect(theirs.items.map((q) => q.id)).not.toContain(id);
    const change = await outsider.put(`/api/v1/qualifications/${id}`, {
      name: "X",
      code: null,
      text: TEXT,
      version: 2,
    });
    expect(change.statusCode).toBe(404);
    expect((await outsider.delete(`/api/v1/qualifications/${id}`)).statusCode).toBe(404);
  });

  it("are deleted by the praktijkopleider", async () => {
    const left = ok<QualificationList>(await officer.delete(`/api/v1/qualifications/${id}`));
    expect(left.items.map((q) => q.id)).not.toContain(id);
    expect((await officer.delete(`/api/v1/qualifications/${id}`)).statusCode).toBe(404);
  });
});

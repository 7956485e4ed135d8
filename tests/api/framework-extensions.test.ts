import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, frameworkExtensions } from "../../src/db/schema.js";
import type { ExtensionsView, FrameworkDetail } from "../../src/domain/competences/api.js";
import { DEMO_EXTENSION } from "../../src/domain/competences/demo-framework.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { fixtureFramework } from "../support/fixtures.js";
import { demoFramework } from "../support/scans.js";

let t: TestApp;
let joost: TestClient;
let url: string;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  joost = await signIn(t, "joost.smit@delinde.example", "linde");
  frameworkId = (await demoFramework(t)).framework.id;
  url = `/api/v1/frameworks/${frameworkId}/extensions`;
});
afterAll(() => t.close());

const behaviour = {
  key: "linde_samen",
  text: { nl: "Betrekt de student bij het teamoverleg.", en: "Involves the student in the team meeting." },
  retired: false,
};

describe("an organisation's own additions to the network's framework", () => {
  it("are read with the competences they hang on, and saved as a whole with the version read", async () => {
    const view = expectStatus<ExtensionsView>(await joost.get(url));
    expect(view.extensions).toEqual([DEMO_EXTENSION]);
    expect(view.base?.competences.map((c) => c.key)).toContain("voorbeeldrol");
    expect(view.policies.edit).toBe(true);

    const extended = structuredClone(DEMO_EXTENSION);
    extended.skill.behaviours.push(behaviour);
    const saved = expectStatus<ExtensionsView>(await joost.put(url, { extensions: [extended], version: view.version }));
    expect(saved.version).toBe(view.version + 1);
    expect(saved.extensions[0]?.skill.behaviours.map((b) => b.key)).toContain("linde_samen");

    // The framework as De Linde uses it now has the new behaviour; the shared version does not.
    const detail = expectStatus<FrameworkDetail>(await joost.get(`/api/v1/frameworks/${frameworkId}`));
    const keys = detail.effective?.document.competences.flatMap((c) =>
      c.skills.flatMap((s) => s.behaviours.map((b) => b.key)),
    );
    expect(keys).toContain("linde_samen");

    // A save on the version read before is stale: 409 with the current additions, nothing changed.
    const stale = expectStatus(await joost.put(url, { extensions: [DEMO_EXTENSION], version: view.version }), 409);
    expect(stale.current.version).toBe(saved.version);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "framework.extended"), eq(auditEvents.subjectId, frameworkId)));
    expect(event?.after).toEqual({ added: [], changed: ["kernwaarden_linde"], removed: [] });
  });

  it("refuses additions that do not fit the shared version, at the field, storing nothing", async () => {
    const view = expectStatus<ExtensionsView>(await joost.get(url));
    const unknown = { ...structuredClone(DEMO_EXTENSION), competence: "bestaat_niet" };
    const refused = expectStatus(await joost.put(url, { extensions: [unknown], version: view.version }), 422);
    expect(Object.keys(refused.errors)).toEqual(["extensions.0.competence"]);

    const clash = structuredClone(DEMO_EXTENSION);
    clash.skill.key = "contact";
    const taken = expectStatus(
      await joost.put(url, { extensions: [DEMO_EXTENSION, clash], version: view.version }),
      422,
    );
    expect(Object.keys(taken.errors)).toEqual(["extensions.1.skill.key"]);

    const empty = structuredClone(DEMO_EXTENSION);
    empty.skill.behaviours = [];
    expectStatus(await joost.put(url, { extensions: [empty], version: view.version }), 422);
    expect(expectStatus<ExtensionsView>(await joost.get(url)).version).toBe(view.version);
  });

  it("are changed by the admin and praktijkopleider only, and stay within the organisation", async () => {
    const sanne = await signIn(t, "sanne.visser@netwerk.example", "linde");
    const view = expectStatus<ExtensionsView>(await sanne.get(url));
    expect(view.policies.edit).toBe(false);
    expectStatus(await sanne.put(url, { extensions: [], version: view.version }), 403);

    // De Wilgen sees none of De Linde's, and makes its own without touching them.
    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    const theirs = expectStatus<ExtensionsView>(await ingrid.get(url));
    expect(theirs).toMatchObject({ version: 0, extensions: [] });
    const own = { competence: "feedback", skill: { ...structuredClone(DEMO_EXTENSION.skill), key: "wilgen_waarden" } };
    expectStatus(await ingrid.put(url, { extensions: [own], version: 0 }), 200);
    const rows = await t.database.db
      .select()
      .from(frameworkExtensions)
      .where(eq(frameworkExtensions.frameworkId, frameworkId));
    expect(rows).toHaveLength(2);
    expect(expectStatus<ExtensionsView>(await joost.get(url)).extensions[0]?.skill.key).toBe("kernwaarden_linde");
  });

  it("are only for a network's framework: an organisation's own framework is edited directly", async () => {
    const own = await fixtureFramework(t);
    expectStatus(await joost.get(`/api/v1/frameworks/${own.frameworkId}/extensions`), 404);
  });
});

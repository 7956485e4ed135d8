import { readFileSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, organisations } from "../../src/db/schema.js";
import { LOGO_MAX_BYTES } from "../../src/domain/organisations/logo.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus } from "../support/factories.js";
import { corruptPng, hugePng } from "../support/images.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PNG = readFileSync(new URL("../../src/server/demo/rivierenland.png", import.meta.url));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// A real JPEG: every upload is decoded, so a header alone is not an image.
const JPEG = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#1c7ed6" } })
  .jpeg()
  .toBuffer();

function logoForm(bytes: Uint8Array<ArrayBuffer>, filename = "logo.png", type = "image/png", field = "logo") {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type }), filename);
  return form;
}

async function branding(client: TestClient) {
  const response = await client.get("/api/v1/organisation/branding");
  expect(response.statusCode).toBe(200);
  return response.json() as {
    id: string;
    name: string;
    primaryColor: string;
    logoUrl: string | null;
    logoMime: string | null;
    version: number;
  };
}

const uploadLogo = (client: TestClient, version: number, form: FormData) =>
  client.request({ method: "POST", url: `/api/v1/organisation/logo?version=${version}`, payload: form as never });

/** The admin's organisation with the PNG as its logo, for a test about a logo that is there. */
async function withPngLogo(admin: TestClient) {
  const { version } = await branding(admin);
  expectStatus(await uploadLogo(admin, version, logoForm(PNG)));
  return branding(admin);
}

async function latestAudit(organisationId: string, type: string) {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.type, type)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe("branding", () => {
  it("lets the admin change name and colour, shows it in the session at once and logs it", async () => {
    const admin = await t.login("beheer@delinde.example");
    const current = await branding(admin);
    expect(current.id).toBe(t.orgs.linde);

    const response = await admin.put("/api/v1/organisation/branding", {
      name: "Zorggroep De Linde Nieuw",
      primaryColor: "#1B5E20",
      version: current.version,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: "Zorggroep De Linde Nieuw",
      primaryColor: "#1b5e20",
      version: current.version + 1,
    });

    const session = await admin.refreshSession();
    expect(session.organisation.name).toBe("Zorggroep De Linde Nieuw");
    expect(session.organisation.primaryColor).toBe("#1b5e20");

    const audit = await latestAudit(t.orgs.linde, "branding.updated");
    expect(audit?.subjectType).toBe("organisation");
    expect(audit?.subjectId).toBe(t.orgs.linde);
    expect(audit?.before).toEqual({ name: current.name, primaryColor: current.primaryColor });
    expect(audit?.after).toEqual({ name: "Zorggroep De Linde Nieuw", primaryColor: "#1b5e20" });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const admin = await t.login("beheer@delinde.example");
    const current = await branding(admin);
    const first = await admin.put("/api/v1/organisation/branding", {
      name: "Eerste",
      primaryColor: "#123456",
      version: current.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.put("/api/v1/organisation/branding", {
      name: "Tweede",
      primaryColor: "#654321",
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    expect(stale.json().current).toMatchObject({ name: "Eerste", version: current.version + 1 });
    expect((await branding(admin)).name).toBe("Eerste");
  });

  it("refuses a colour that is not #rrggbb and an empty name, per field", async () => {
    const admin = await t.login("beheer@delinde.example");
    const { version } = await branding(admin);
    for (const primaryColor of ["blue", "#fff", "#12345g", "1c7ed6"]) {
      const response = await admin.put("/api/v1/organisation/branding", { name: "De Linde", primaryColor, version });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.primaryColor).toBe("Geef een kleur als #rrggbb, bijvoorbeeld #1c7ed6.");
    }
    const noName = await admin.put("/api/v1/organisation/branding", { name: "  ", primaryColor: "#123456", version });
    expect(noName.statusCode).toBe(422);
    expect(Object.keys(noName.json().errors)).toEqual(["name"]);
    expect((await branding(admin)).version).toBe(version);
  });

  it("is for the admin only: others get 403 on every branding route", async () => {
    const trainee = await t.login("daan.bakker@delinde.example");
    expect((await trainee.get("/api/v1/organisation/branding")).statusCode).toBe(403);
    expect(
      (await trainee.put("/api/v1/organisation/branding", { name: "Van mij", primaryColor: "#000000", version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await uploadLogo(trainee, 1, logoForm(PNG))).statusCode).toBe(403);
    expect((await trainee.delete("/api/v1/organisation/logo?version=1")).statusCode).toBe(403);
    const guide = await t.login("sanne.visser@netwerk.example");
    expect((await guide.get("/api/v1/organisation/branding")).statusCode).toBe(403);
    const anonymous = await t.anonymous();
    expect((await anonymous.get("/api/v1/organisation/branding")).statusCode).toBe(401);
  });

  it("changes only the admin's own organisation", async () => {
    const other = await t.login("beheer@rivierenland.example");
    const before = await branding(other);
    expect(before.id).toBe(t.orgs.rivier);
    const response = await other.put("/api/v1/organisation/branding", {
      name: "Rivierenland",
      primaryColor: "#0b7285",
      version: before.version,
    });
    expect(response.statusCode).toBe(200);
    const [linde] = await t.database.db.select().from(organisations).where(eq(organisations.id, t.orgs.linde));
    expect(linde?.name).not.toBe("Rivierenland");
    expect(linde?.primaryColor).not.toBe("#0b7285");
  });
});

describe("logo", () => {
  it("accepts a PNG, serves it with its type and cache header, and logs type and size only", async () => {
    const admin = await t.login("beheer@delinde.example");
    const { version } = await branding(admin);
    const response = await uploadLogo(admin, version, logoForm(PNG, "mijn-logo.bin", "application/octet-stream"));
    expect(response.statusCode).toBe(200);
    const saved = response.json();
    expect(saved.logoMime).toBe("image/png");
    expect(saved.version).toBe(version + 1);
    expect(saved.logoUrl).toMatch(new RegExp(`^/api/v1/me/organisations/${t.orgs.linde}/logo\\?v=\\d+$`));

    const session = await admin.refreshSession();
    expect(session.organisation.logoUrl).toBe(saved.logoUrl);
    const image = await admin.get(saved.logoUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    // What is stored is the decoded image encoded again, with the same pixels.
    const served = await sharp(image.rawPayload).raw().toBuffer({ resolveWithObject: true });
    const sent = await sharp(PNG).raw().toBuffer({ resolveWithObject: true });
    expect(served.info).toMatchObject({ format: "raw", width: sent.info.width, height: sent.info.height });
    expect(Buffer.compare(served.data, sent.data)).toBe(0);

    const audit = await latestAudit(t.orgs.linde, "logo.updated");
    expect(audit?.after).toEqual({ mime: "image/png", size: image.rawPayload.length });
    expect(JSON.stringify(audit)).not.toContain(PNG.subarray(16, 40).toString("base64"));
  });

  it("takes the type from the content: a JPEG named .png is stored as JPEG", async () => {
    const admin = await t.login("beheer@delinde.example");
    const { version } = await branding(admin);
    const response = await uploadLogo(admin, version, logoForm(JPEG, "logo.png", "image/png"));
    expect(response.statusCode).toBe(200);
    expect(response.json().logoMime).toBe("image/jpeg");
    const image = await admin.get(response.json().logoUrl);
    expect(image.headers["content-type"]).toBe("image/jpeg");
  });

  it("refuses a text file named logo.png declared as image/png", async () => {
    const admin = await t.login("beheer@delinde.example");
    const before = await branding(admin);
    const response = await uploadLogo(
      admin,
      before.version,
      logoForm(Buffer.from("<svg onload='alert(1)'>niet echt een png</svg>"), "logo.png"),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.logo).toBe("Een logo moet een PNG-, JPEG- of WebP-afbeelding zijn.");
    expect(await branding(admin)).toEqual(before);
  });

  it("refuses a file over the limit, even one that starts like a PNG", async () => {
    const admin = await t.login("beheer@delinde.example");
    const before = await branding(admin);
    const big = Buffer.alloc(LOGO_MAX_BYTES + 1, 7);
    big.set(PNG_SIGNATURE, 0);
    const response = await uploadLogo(admin, before.version, logoForm(big));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.logo).toBe("Een logo mag hoogstens 512 kB zijn.");
    expect(await branding(admin)).toEqual(before);

    // Right at the limit but no image behind the signature: refused, as it does not decode.
    const exact = Buffer.alloc(LOGO_MAX_BYTES, 7);
    exact.set(PNG_SIGNATURE, 0);
    const garbage = await uploadLogo(admin, before.version, logoForm(exact));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().errors.logo).toContain("beschadigd");
    expect(await branding(admin)).toEqual(before);
  });

  it("refuses a PNG whose header is valid but whose image data does not decode", async () => {
    const admin = await t.login("beheer@delinde.example");
    const before = await branding(admin);
    const response = await uploadLogo(admin, before.version, logoForm(corruptPng()));
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors.logo).toBe(
      "Deze afbeelding is beschadigd of onvolledig en kan niet worden gelezen. Kies een ander bestand.",
    );
    expect(await branding(admin)).toEqual(before);
  });

  it("refuses an image of more pixels than a logo needs, before decoding it", async () => {
    const admin = await t.login("beheer@delinde.example");
    const before = await branding(admin);
    const response = await uploadLogo(admin, before.version, logoForm(hugePng(30_000)));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.logo).toBe("Een logo mag hoogstens 2048 bij 2048 pixels zijn.");
    const wide = await uploadLogo(admin, before.version, logoForm(hugePng(2049)));
    expect(wide.json().errors.logo).toBe("Een logo mag hoogstens 2048 bij 2048 pixels zijn.");
    expect(await branding(admin)).toEqual(before);
  });

  it("asks for a file when none is sent, or under another field name", async () => {
    const admin = await t.login("beheer@delinde.example");
    const { version } = await branding(admin);
    const other = await uploadLogo(admin, version, logoForm(PNG, "logo.png", "image/png", "afbeelding"));
    expect(other.statusCode).toBe(422);
    expect(other.json().errors.logo).toBe("Kies een afbeelding.");
    const json = await admin.post(`/api/v1/organisation/logo?version=${version}`, { logo: "x" });
    expect(json.statusCode).toBe(422);
    expect(json.json().errors.logo).toBe("Kies een afbeelding.");
    const empty = await uploadLogo(admin, version, logoForm(new Uint8Array()));
    expect(empty.statusCode).toBe(422);
  });

  it("refuses an upload against a stale version", async () => {
    const admin = await t.login("beheer@delinde.example");
    const { version } = await branding(admin);
    expect((await uploadLogo(admin, version - 1, logoForm(PNG))).statusCode).toBe(409);
  });

  it("removes the logo with its version; the old address is gone", async () => {
    const admin = await t.login("beheer@delinde.example");
    const before = await withPngLogo(admin);
    expect(before.logoUrl).not.toBeNull();
    expect((await admin.delete(`/api/v1/organisation/logo?version=${before.version - 1}`)).statusCode).toBe(409);
    const response = await admin.delete(`/api/v1/organisation/logo?version=${before.version}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ logoUrl: null, logoMime: null, version: before.version + 1 });
    expect((await admin.refreshSession()).organisation.logoUrl).toBeNull();
    expect((await admin.get(before.logoUrl as string)).statusCode).toBe(404);
    const audit = await latestAudit(t.orgs.linde, "logo.updated");
    expect(audit?.after).toBeNull();
    expect(audit?.before).toMatchObject({ mime: before.logoMime });

    const again = await uploadLogo(admin, before.version + 1, logoForm(PNG));
    expect(again.statusCode).toBe(200);
  });

  it("serves both logos to a member of two organisations, and 404 to anyone else", async () => {
    const admin = await t.login("beheer@delinde.example");
    await withPngLogo(admin);
    const sanne = await t.login("sanne.visser@netwerk.example");
    const session = await sanne.refreshSession();
    expect(session.organisations).toHaveLength(2);
    for (const organisation of session.organisations) {
      expect(organisation.logoUrl).not.toBeNull();
      const image = await sanne.get(organisation.logoUrl);
      expect(image.statusCode, organisation.name).toBe(200);
      expect(image.headers["content-type"]).toBe("image/png");
      expect([...image.rawPayload.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }

    const outsider = await t.login("beheer@rivierenland.example");
    const denied = await outsider.get(`/api/v1/me/organisations/${t.orgs.linde}/logo`);
    expect(denied.statusCode).toBe(404);
    expect(denied.headers["content-type"]).toContain("application/problem+json");
    expect((await outsider.get(`/api/v1/me/organisations/${t.orgs.rivier}/logo`)).statusCode).toBe(200);

    const anonymous = await t.anonymous();
    expect((await anonymous.get(`/api/v1/me/organisations/${t.orgs.linde}/logo`)).statusCode).toBe(404);
    expect((await admin.get("/api/v1/me/organisations/niet-een-id/logo")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/me/organisations/00000000-0000-4000-8000-000000000000/logo")).statusCode).toBe(
      404,
    );
  });
});

describe("API document", () => {
  it("describes the logo upload as a multipart form with a binary `logo` field", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const upload = doc.paths["/api/v1/organisation/logo"].post;
    expect(upload.requestBody.content["multipart/form-data"].schema.properties.logo).toMatchObject({
      type: "string",
      format: "binary",
    });
    expect(upload.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "query", name: "version", required: true })]),
    );
    expect(doc.paths["/api/v1/me/organisations/{organisationId}/logo"].get.parameters[0].name).toBe("organisationId");
  });
});

import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, users } from "../../src/db/schema.js";
import { Mailer } from "../../src/server/mail.js";
import { sendDueReminders } from "../../src/server/notifications/reminders.js";
import { expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let page: Page;

const silent = { error() {}, warn() {}, info() {} } as unknown as FastifyBaseLogger;
const MOMENT = "2030-03-04";

/** Lisa's unread notifications, as the database has them. */
async function unreadOfLisa() {
  const [row] = await koers.database.db
    .select({ n: count() })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.email, "lisa.dekker@rivierenland.example"), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

beforeAll(async () => {
  koers = await startKoers();
  // Every open trajectory has two evaluation moments; the scan runs a few days before them.
  await koers.database.db.execute(
    sql`update trajectories set evaluation_moments = jsonb_build_array(jsonb_build_object('date', ${MOMENT}::text, 'label', 'Tussenevaluatie'), jsonb_build_object('date', '2030-03-06', 'label', 'Driehoeksgesprek')) where not closed`,
  );
  const mailer = new Mailer(koers.database.db, undefined, "Koers <no-reply@koers.test>", silent);
  await sendDueReminders(koers.database.db, mailer, new Date("2030-03-01T11:00:00Z"), { publicUrl: koers.url });
  ({ page } = await koers.newPage());
  await signIn(page, "lisa.dekker@rivierenland.example");
});
afterAll(() => koers.close());

const bell = () => page.getByTestId("notification-bell");

describe("notifications", () => {
  it("shows a reminder made by the scan in the header count and on the notifications page", async () => {
    const unread = await unreadOfLisa();
    expect(unread).toBeGreaterThan(1);
    await visible(page.getByRole("link", { name: `Meldingen, ${unread} ongelezen` }));
    await bell().click();
    await visible(page.getByRole("heading", { name: "Meldingen", level: 2 }));
    const list = page.getByRole("list", { name: "Meldingen, nieuwste eerst" });
    await textOf(list).toContain("Evaluatiemoment “Tussenevaluatie” op 4 mrt 2030");
    await textOf(page.getByTestId("unread-count")).toBe(`${unread} ongelezen`);
    await expectAccessible(page, "notifications (phone)");
  });

  it("clears the count when a notification is marked read, and all of them", async () => {
    const unread = await unreadOfLisa();
    await page
      .getByRole("button", { name: /^Markeer als gelezen: / })
      .first()
      .click();
    await visible(page.getByRole("link", { name: `Meldingen, ${unread - 1} ongelezen` }));
    await page.getByRole("button", { name: "Alles gelezen" }).click();
    await visible(page.getByRole("link", { name: "Meldingen", exact: true }));
    await textOf(page.getByTestId("unread-count")).toBe("Alle meldingen zijn gelezen.");
    expect(await unreadOfLisa()).toBe(0);
    expect(await page.locator('[data-unread="true"]').count()).toBe(0);

    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, "notifications, all read");
  });

  it("takes the reader to the subject of a notification", async () => {
    await page.getByRole("list", { name: "Meldingen, nieuwste eerst" }).getByRole("link").first().click();
    await page.waitForURL(/\/trajecten\/[\w-]+$/);
  });
});

import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible, openMenuItem, textOf, visible } from "./koers.js";

/**
 * As an admin: opens "Uitgaande e-mail", reads the newest mail to `to` with this subject, and
 * returns the link in its text, as written in the mail. The message dialog is left closed.
 */
export async function readMailLink(admin: Page, to: string, subject: string | RegExp): Promise<string> {
  await openMenuItem(admin, "Uitgaande e-mail");
  await visible(admin.getByRole("heading", { name: "Uitgaande e-mail", level: 2 }));
  const subjectText = typeof subject === "string" ? `${escapeRegExp(subject)}$` : subject.source;
  const open = admin.getByRole("button", {
    name: new RegExp(`^Bericht aan ${escapeRegExp(to)} lezen: ${subjectText}`),
  });
  await visible(open);
  await expectAccessible(admin, "outbox");
  await open.first().click();

  const dialog = admin.getByRole("dialog");
  await visible(dialog.getByRole("heading", { name: subject }));
  await textOf(dialog).toContain(to);
  const body = dialog.getByRole("region", { name: "Inhoud" });
  const link = body.getByRole("link");
  await visible(link);
  const href = (await link.first().textContent())?.trim() ?? "";
  expect(href, "the mail holds a link").toMatch(/^https?:\/\//);
  await expectAccessible(admin, "outbox message");

  await dialog.getByRole("button", { name: "Sluiten" }).click();
  await dialog.waitFor({ state: "hidden" });
  return href;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

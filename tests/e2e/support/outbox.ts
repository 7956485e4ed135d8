import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible, openMenuItem, textOf, visible } from "./koers.js";

/**
 * As an admin: opens "Uitgaande e-mail", reads the newest mail to `to` with this subject, and
 * checks that the link in it that hands over an account is masked: the admin sees that the mail
 * went out, never the link. The message dialog is left closed. The recipient's own link comes
 * from their mailbox (tests/support/mailbox.ts).
 */
export async function expectMaskedInOutbox(admin: Page, to: string, subject: string | RegExp): Promise<void> {
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
  await textOf(body).toContain("onleesbaar gemaakt");
  await textOf(body).toContain("token=••••••");
  expect(await body.textContent()).not.toMatch(/token=(?!••••••)/);
  await expectAccessible(admin, "outbox message");

  await dialog.getByRole("button", { name: "Sluiten" }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** As an admin: the outbox holds no mail to `to` (a person's own account mail is never there). */
export async function expectNotInOutbox(admin: Page, to: string): Promise<void> {
  await openMenuItem(admin, "Uitgaande e-mail");
  await visible(admin.getByRole("heading", { name: "Uitgaande e-mail", level: 2 }));
  await visible(
    admin
      .getByRole("table", { name: "Uitgaande e-mail, nieuwste eerst" })
      .or(admin.getByText("Er is nog geen e-mail gemaakt.")),
  );
  expect(await admin.getByRole("button", { name: new RegExp(`^Bericht aan ${escapeRegExp(to)} lezen`) }).count()).toBe(
    0,
  );
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

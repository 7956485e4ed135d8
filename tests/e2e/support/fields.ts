import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The error message tied to a field or group: the element its aria-describedby points at that
 * Mantine renders as the field's error (id ending in "-error"), so a screen reader reads it with
 * the field. Empty when there is none.
 */
export function errorOf(field: Locator) {
  return field.first().evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id.endsWith("-error"))
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** Waits until the field shows the message as its own error and, for an input, is marked invalid. */
export async function expectFieldError(field: Locator, message: string, { input = true } = {}) {
  await expect.poll(() => errorOf(field), { timeout: 10_000 }).toContain(message);
  if (input) expect(await field.first().getAttribute("aria-invalid")).toBe("true");
}

/** Picks a file the way a person does: the button found by its label opens the file chooser. */
export async function chooseFile(page: Page, label: string, path: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByLabel(label, { exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

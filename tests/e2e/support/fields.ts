import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** The text a screen reader reads as the field's description (its aria-describedby targets). */
export function descriptionOf(field: Locator) {
  return field.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** Waits until the field is marked invalid and its description carries the message: the error sits at the field. */
export async function expectFieldError(field: Locator, message: string) {
  await expect.poll(() => field.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
  await expect.poll(() => descriptionOf(field), { timeout: 10_000 }).toContain(message);
}

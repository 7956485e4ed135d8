import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, AUDIT_SUBJECT_TYPES } from "../../domain/audit";
import messages from "./i18n";

const lookup = (tree: unknown, path: string) =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );

describe("audit log texts", () => {
  it.each(["nl", "en"] as const)("name every event type and subject type in %s", (lang) => {
    for (const type of AUDIT_EVENT_TYPES) expect(typeof lookup(messages[lang].types, type), type).toBe("string");
    for (const subject of AUDIT_SUBJECT_TYPES)
      expect(typeof lookup(messages[lang].subjects, subject), subject).toBe("string");
  });

  it("gives Dutch and English different words, so nothing was left untranslated", () => {
    const nl = AUDIT_EVENT_TYPES.map((type) => lookup(messages.nl.types, type));
    const en = AUDIT_EVENT_TYPES.map((type) => lookup(messages.en.types, type));
    for (const [i, word] of nl.entries()) expect(word).not.toBe(en[i]);
  });
});

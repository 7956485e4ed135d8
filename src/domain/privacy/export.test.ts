import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportLines, exportSections, fieldWords, type SectionSource } from "./export.js";
import { PERSONAL_DATA } from "./registry.js";

const everyTable = (source: SectionSource) => Object.fromEntries(PERSONAL_DATA.map((entry) => [entry.table, source]));

describe("the export's sections", () => {
  it("are the registry's entries, in its order, named in the reader's language", () => {
    const sections = exportSections(everyTable({ records: [] }), "en");
    expect(Object.keys(sections)).toEqual(PERSONAL_DATA.map((e) => e.table));
    expect(sections.meetings).toEqual({
      what: PERSONAL_DATA.find((e) => e.table === "meetings")?.what.en,
      records: [],
    });
  });

  it("say why a kind is not shown, and where a kind is shown within another", () => {
    const sources = everyTable({ records: [] });
    sources.sessions = { notShown: { nl: "Alleen voor het systeem", en: "System only" } };
    sources.meetings = { within: "trajectories" };
    const sections = exportSections(sources, "nl");
    expect(sections.sessions).toMatchObject({ notShown: "Alleen voor het systeem" });
    expect(sections.meetings).toMatchObject({ within: "trajectories" });
  });

  it("refuse to leave out an entry of the registry", () => {
    const { users: _left, ...sources } = everyTable({ records: [] });
    expect(() => exportSections(sources, "nl")).toThrow(/users/);
  });
});

describe("a record as lines to read", () => {
  it("names fields in words and indents what is nested", () => {
    expect(fieldWords("startsOn")).toBe("starts on");
    expect(fieldWords("take_away")).toBe("take away");
    expect(exportLines({ title: "Traject", period: { startsOn: "2026-01-01" }, goals: ["Lezen"] })).toEqual([
      { depth: 0, label: "title", value: "Traject" },
      { depth: 0, label: "period", value: null },
      { depth: 1, label: "starts on", value: "2026-01-01" },
      { depth: 0, label: "goals", value: null },
      { depth: 1, label: "1", value: "Lezen" },
    ]);
  });

  it("leaves out what is empty and the ids that link records, and keeps every other value", () => {
    expect(exportLines({ notes: null, location: "", parts: [], extra: {}, minutes: 0, shared: false })).toEqual([
      { depth: 0, label: "minutes", value: "0" },
      { depth: 0, label: "shared", value: "false" },
    ]);
    expect(exportLines({ id: "a", trajectoryId: "b", memberIds: ["c"], version: 3, title: "Traject" })).toEqual([
      { depth: 0, label: "title", value: "Traject" },
    ]);
  });

  it("shows a text in both languages in the reader's", () => {
    const record = { framework: { name: { nl: "Werkbegeleiding", en: "Work guidance" } } };
    expect(exportLines(record, "en")).toEqual([
      { depth: 0, label: "framework", value: null },
      { depth: 1, label: "name", value: "Work guidance" },
    ]);
    expect(exportLines(record, "nl")[1]?.value).toBe("Werkbegeleiding");
  });

  it("shows only the record's own values, in their order, never below the page's edge", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom("nl" as const, "en" as const), (value, locale) => {
        const leaves: string[] = [];
        const walk = (v: unknown) => {
          if (v === null || v === "") return;
          if (Array.isArray(v)) v.forEach(walk);
          else if (typeof v === "object") Object.values(v as object).forEach(walk);
          else leaves.push(String(v));
        };
        walk(value);
        const lines = exportLines(value, locale);
        let at = 0;
        for (const line of lines) {
          expect(line.depth).toBeGreaterThanOrEqual(0);
          if (line.value === null) continue;
          while (at < leaves.length && leaves[at] !== line.value) at++;
          expect(at, `${line.value} is one of the record's values, in order`).toBeLessThan(leaves.length);
          at++;
        }
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseSerializer } from "./serializer.js";

const item = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(["draft", "running"]),
  startedOn: z.string().nullable(),
  count: z.number().int(),
  report: z.object({ status: z.string(), signedAt: z.string().nullable() }).nullable(),
  goals: z.array(z.object({ title: z.string(), rating: z.number().nullable() })),
  tags: z.array(z.string()).nullable(),
  note: z.string().optional(),
  names: z.record(z.string(), z.string()),
});
const due = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("meeting"), meetingId: z.uuid(), dueAt: z.string() }),
  z.object({ kind: z.literal("consent"), dueAt: z.null() }),
]);
const schema = z.object({ items: z.array(item), due: z.array(due), next: z.string().nullable() });

const route = { schema, method: "GET", url: "/api/v1/example", httpStatus: "200" };
const compiled = responseSerializer({ crossCheck: false })(route);
const checked = responseSerializer({ crossCheck: true })(route);

const id = "0b7e4a52-2f0c-4b59-9a43-6c1f5c0e7d21";
const full = {
  id,
  title: 'Traject "Lisa" — groep 5\n',
  status: "running",
  startedOn: "2026-09-01",
  count: 3,
  report: { status: "signed", signedAt: "2026-12-01T10:00:00.000Z" },
  goals: [
    { title: "Klassenmanagement", rating: 3 },
    { title: "Instructie", rating: null },
  ],
  tags: ["ICALT"],
  note: "Één notitie",
  names: { nl: "Doel", en: "Goal" },
};
const empty = { ...full, startedOn: null, report: null, goals: [], tags: null, note: undefined, names: {} };
const page = {
  items: [full, empty],
  due: [
    { kind: "meeting", meetingId: id, dueAt: "2026-12-10" },
    { kind: "consent", dueAt: null },
  ],
  next: null,
};

describe("the compiled response serializer", () => {
  it("writes the same JSON value Zod's encoding writes, nulls and absent fields included", () => {
    expect(JSON.parse(compiled(page))).toEqual(JSON.parse(JSON.stringify(schema.encode(page as never))));
    expect(JSON.parse(compiled(page))).toEqual(page);
  });

  it("writes the schema's properties and no others, at every depth", () => {
    const extra = {
      ...page,
      secret: "x",
      items: [{ ...full, passwordHash: "argon2id$…", report: { ...full.report, notes: "vertrouwelijk" } }],
      due: [{ kind: "consent", dueAt: null, confidential: "x" }],
    };
    const written = compiled(extra);
    expect(written).not.toMatch(/secret|passwordHash|vertrouwelijk|confidential/);
    expect(JSON.parse(written).items[0].report).toEqual(full.report);
  });

  it("picks a union's branch as Zod does: a strict branch refuses more properties, the others strip them", () => {
    const block = z.union([
      z.strictObject({ kind: z.literal("case"), caseId: z.uuid() }),
      z.object({ kind: z.literal("case"), caseId: z.uuid(), case: z.object({ title: z.string() }).nullable() }),
    ]);
    const blocks = z.object({ blocks: z.array(block) });
    const serialize = responseSerializer({ crossCheck: true })({ ...route, schema: blocks });
    const data = {
      blocks: [
        { kind: "case", caseId: id },
        { kind: "case", caseId: id, case: { title: "Casus", notes: "x" } },
      ],
    };
    expect(JSON.parse(serialize(data))).toEqual({
      blocks: [
        { kind: "case", caseId: id },
        { kind: "case", caseId: id, case: { title: "Casus" } },
      ],
    });
  });

  it("under test, makes a response its schema refuses an error rather than writing it", () => {
    expect(JSON.parse(checked(page))).toEqual(page);
    expect(() => checked({ ...page, items: [{ ...full, count: "drie" }] })).toThrow();
    expect(() => checked({ ...page, items: [{ ...full, status: "unknown" }] })).toThrow();
  });

  it("keeps Zod's serializer for a schema JSON Schema cannot express", () => {
    const dated = z.object({ at: z.date() });
    const serialize = responseSerializer({ crossCheck: false })({ ...route, schema: dated });
    expect(serialize({ at: new Date("2026-12-07T10:00:00.000Z") })).toBe('{"at":"2026-12-07T10:00:00.000Z"}');
    expect(() => serialize({ at: "gisteren" })).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, diff } from "../audit.js";
import { AUDIT_EVENT_SCHEMAS, type AuditEvent, auditEventSchema, parseAuditEvent } from "./events.js";

const rejects = (event: unknown) => expect(auditEventSchema.safeParse(event).success).toBe(false);

describe("audit event schemas", () => {
  it("has exactly one schema per kind of event", () => {
    const kinds = AUDIT_EVENT_SCHEMAS.map((schema: (typeof AUDIT_EVENT_SCHEMAS)[number]) => schema.shape.type.value);
    expect([...kinds].sort()).toEqual([...AUDIT_EVENT_TYPES].sort());
  });

  it("accepts an event in its kind's shape and gives it back unchanged", () => {
    const event: AuditEvent = {
      type: "person.deactivated",
      subjectType: "person",
      subjectId: "p-1",
      before: { status: "active" },
      after: { status: "deactivated" },
    };
    expect(parseAuditEvent(event)).toEqual(event);
    const changes = diff({ name: "De Linde", primaryColor: "#237a35" }, { name: "De Linde", primaryColor: "#0b7285" });
    const branding: AuditEvent = {
      type: "branding.updated",
      subjectType: "organisation",
      subjectId: "o-1",
      ...changes,
    };
    expect(parseAuditEvent(branding)).toEqual(branding);
  });

  it("refuses a kind that does not exist", () => {
    rejects({ type: "person.exploded", subjectType: "person", subjectId: "p-1" });
  });

  it("refuses another subject than the kind's", () => {
    rejects({ type: "calendar.renewed", subjectType: "person", subjectId: "p-1" });
  });

  it("refuses a missing, mistyped or unknown field", () => {
    const base = { type: "person.deactivated", subjectType: "person", subjectId: "p-1" } as const;
    rejects({ ...base, after: { status: "deactivated" } });
    rejects({ ...base, before: { status: 1 }, after: { status: "deactivated" } });
    rejects({ ...base, before: { status: "active" }, after: { status: "deactivated", password: "geheim" } });
    rejects({ type: "intervisionMeeting.notesSaved", subjectType: "intervisionMeeting", subjectId: "m-1", after: {} });
    rejects({ type: "calendar.renewed", subjectType: "calendar", subjectId: "" });
  });

  it("refuses the wrong shape when the code is compiled too", () => {
    const wrong = {
      type: "person.reactivated",
      subjectType: "person",
      subjectId: "p-1",
      before: { status: "deactivated" },
      after: { name: "x" },
    } as const;
    // @ts-expect-error the kind keeps a status on both sides, not a name
    expect(() => parseAuditEvent(wrong)).toThrow();
  });

  it("accepts a goal change the admin may not read as the names of what changed", () => {
    const event: AuditEvent = {
      type: "goal.updated",
      subjectType: "goal",
      subjectId: "g-1",
      after: { changed: ["title"], trajectoryId: "t-1" },
    };
    expect(parseAuditEvent(event)).toEqual(event);
    rejects({ ...event, after: { changed: "title" } });
  });
});

import { describe, expect, it } from "vitest";
import { decodeRows } from "./json-rows.js";
import { finalReports } from "./schema.js";

describe("rows read as JSON", () => {
  it("come back by field name, with dates as dates and JSON columns as they were stored", () => {
    const [row] = decodeRows(finalReports, [
      {
        id: "r",
        organisation_id: "o",
        trajectory_id: "t",
        sections: { "1": "42" },
        status: "final",
        finalised_at: "2026-12-07T09:30:00.123456+01:00",
        finalised_by: null,
        content_sha256: "ab",
        version: 3,
        created_at: "2026-12-01T00:00:00+00:00",
        updated_at: "2026-12-07T08:30:00.123+00:00",
      },
    ]);
    expect(row).toEqual({
      id: "r",
      organisationId: "o",
      trajectoryId: "t",
      sections: { "1": "42" },
      status: "final",
      finalisedAt: new Date("2026-12-07T08:30:00.123Z"),
      finalisedBy: null,
      contentSha256: "ab",
      version: 3,
      createdAt: new Date("2026-12-01T00:00:00Z"),
      updatedAt: new Date("2026-12-07T08:30:00.123Z"),
    });
  });

  it("keeps a JSON column that holds a string as that string", () => {
    const [row] = decodeRows(finalReports, [{ sections: "42" }]);
    expect(row?.sections).toBe("42");
  });
});

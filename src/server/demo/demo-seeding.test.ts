import { describe, expect, it } from "vitest";
import { demoSeedingLines, demoSkipReason, demoWanted } from "./demo-seeding.js";

const server = "postgres://koers@db.example:5432/koers";

describe("whether an empty database gets the demo network", () => {
  it("does on the embedded database unless SEED_DEMO=false", () => {
    expect(demoWanted({})).toBe(true);
    expect(demoWanted({ SEED_DEMO: "true" })).toBe(true);
    expect(demoWanted({ SEED_DEMO: "false" })).toBe(false);
    expect(demoSkipReason({ SEED_DEMO: "false" })).toBe("disabled");
  });

  it("does on a PostgreSQL server only when SEED_DEMO=true asks for it", () => {
    expect(demoWanted({ DATABASE_URL: server })).toBe(false);
    expect(demoSkipReason({ DATABASE_URL: server })).toBe("server");
    expect(demoWanted({ DATABASE_URL: server, SEED_DEMO: "false" })).toBe(false);
    expect(demoWanted({ DATABASE_URL: server, SEED_DEMO: "true" })).toBe(true);
  });

  it("says at start what happened, and how to get the demo when it was not filled in", () => {
    expect(demoSeedingLines({ seeded: true }).join(" ")).toContain("demonetwerk is klaargezet");
    expect(demoSeedingLines({ seeded: false, reason: "server" }).join(" ")).toContain("SEED_DEMO=true");
    expect(demoSeedingLines({ seeded: false, reason: "disabled" }).join(" ")).toContain("SEED_DEMO=true");
    expect(demoSeedingLines({ seeded: false, reason: "hasData" }).join(" ")).toContain("al gegevens");
  });
});

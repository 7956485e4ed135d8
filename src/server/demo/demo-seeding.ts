import type { Config } from "../config.js";

/**
 * What happened to the demo network at start. The demo's people share a password printed in the
 * README, so it is filled in by default only on the embedded database (someone trying Koers out);
 * on a PostgreSQL server (a real installation) only when SEED_DEMO=true asks for it.
 */
export type DemoSeeding = { seeded: true } | { seeded: false; reason: "hasData" | "disabled" | "server" };

/** Whether an empty database gets the demo: SEED_DEMO when set, otherwise only the embedded database. */
export function demoWanted(config: Pick<Config, "SEED_DEMO" | "DATABASE_URL">): boolean {
  if (config.SEED_DEMO !== undefined) return config.SEED_DEMO === "true";
  return !config.DATABASE_URL;
}

/** The reason an empty or filled database did not get the demo, before looking at its data. */
export function demoSkipReason(config: Pick<Config, "SEED_DEMO" | "DATABASE_URL">): "disabled" | "server" {
  return config.SEED_DEMO === "false" ? "disabled" : "server";
}

/** The lines printed at start about the demo, for the person who started Koers. */
export function demoSeedingLines(outcome: DemoSeeding): string[] {
  if (outcome.seeded) return ["De database was leeg: het demonetwerk is klaargezet."];
  switch (outcome.reason) {
    case "hasData":
      return ["De database bevat al gegevens: er is geen demonetwerk bijgezet."];
    case "disabled":
      return [
        "De database is leeg en het demonetwerk is niet klaargezet (SEED_DEMO=false).",
        "Start met SEED_DEMO=true om het demonetwerk klaar te zetten.",
      ];
    case "server":
      return [
        "De database is leeg en het demonetwerk is niet klaargezet: op een PostgreSQL-server alleen op verzoek.",
        "Start één keer met SEED_DEMO=true om het demonetwerk hier bewust klaar te zetten.",
      ];
  }
}

import { loadConfig, publicUrl } from "./config.js";
import { demoSeedingLines } from "./demo/demo-seeding.js";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "./demo/seed.js";
import { startKoers } from "./start.js";

const config = loadConfig();
const { app, demo, demoPeople, startJobs } = await startKoers(config);
await app.listen({ port: config.PORT, host: config.HOST });
await startJobs();

const where = config.DATABASE_URL ? "PostgreSQL-server" : `ingebedde database in ${config.KOERS_DATA_DIR}`;
const lines = [
  "",
  `Koers draait op ${publicUrl(config)}  (${where})`,
  ...demoSeedingLines(demo),
  "",
  // The demo's logins only where the demo's people are: never for a database without them.
  ...(demoPeople
    ? [
        `Demo-logins (wachtwoord voor allemaal: ${DEMO_PASSWORD}):`,
        ...DEMO_PEOPLE.map(
          (p) => `  ${p.email.padEnd(38)} ${p.name} — ${p.orgs.map((o) => o.roles.join("+")).join(" / ")}`,
        ),
        "",
      ]
    : []),
];
// Written to the console for the person who started Koers; never into the request log.
process.stdout.write(`${lines.join("\n")}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/**
 * Every benchmark in sequence (npm run bench): the final-report PDF, start-up and first-page
 * size, then for each database fresh generated data and the load benchmark on it.
 *
 *   npm run bench                                  # scale 0.1 on PGlite and PostgreSQL
 *   BENCH_SCALE=1 npm run bench                    # scale 1 (about 10 minutes of loading on top)
 *   BENCH_DATABASE_URL=postgres://user@host:5432/koers_bench npm run bench
 *   BENCH_DATABASES=postgres npm run bench         # one database only (pglite, postgres)
 *
 * PostgreSQL defaults to postgres://postgres@127.0.0.1:5432/koers_bench and is skipped, with a
 * message, when that server does not answer. The data of each run is made fresh: a database
 * whose name holds "bench" is dropped and made again, the PGlite directory replaced.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { redact } from "./support/bulk.js";
import { defaultDataDir } from "./support/machine.js";
import { root } from "./support/server.js";

const scale = process.env.BENCH_SCALE ?? "0.1";
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/koers_bench";
const databases = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",").map((d) => d.trim());
const loadArgs = process.env.BENCH_LOAD_ARGS?.split(" ").filter(Boolean) ?? [];

function run(script: string, args: string[] = []) {
  console.log(`\n$ tsx ${script} ${args.join(" ")}`.trimEnd());
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status ?? result.signal})`);
}

async function reachable(url: string) {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

run("bench/report-pdf.ts");
run("bench/startup.ts");
for (const database of databases) {
  if (database === "pglite") {
    const dir = defaultDataDir(Number(scale));
    run("bench/generate-data.ts", ["--scale", scale, "--data-dir", dir, "--fresh"]);
    run("bench/load.ts", ["--data-dir", dir, ...loadArgs]);
  } else if (database === "postgres") {
    if (!(await reachable(databaseUrl))) {
      console.log(`\nPostgreSQL at ${redact(databaseUrl)} does not answer: its benchmark is skipped.`);
      continue;
    }
    run("bench/generate-data.ts", ["--scale", scale, "--database-url", databaseUrl, "--fresh"]);
    run("bench/load.ts", ["--database-url", databaseUrl, ...loadArgs]);
  } else {
    throw new Error(`BENCH_DATABASES: unknown database "${database}" (pglite, postgres)`);
  }
}

/**
 * Fills a database with benchmark data, in bulk and as the owner (not through the API).
 * Scale 1: 50 organisations, 5,000 guides, 50,000 trajectories, about 500,000 meetings with
 * goals, feedback (ratings per goal) and self-assessments; 12% of the trajectories are SKJ
 * werkbegeleiding of registered professionals, with their declarations and signatures, and the
 * behavioural scientists and professionals meet in intervisie groups; most guides scanned
 * themselves against the organisation's competence framework, with their critical friends'
 * answers, and some made a learning path from it. Every organisation N gets
 * the sign-ins admin@, guide@, trainee@, professional@ and officer@bench-00N.example with the
 * password Koers-bench-2026; guide@ is its busiest guide (also in SKJ werkbegeleiding),
 * professional@ one of the professionals guide@ guides, officer@ its training officer.
 *
 *   npm run bench:data -- --scale 1 --seed 42 --database-url postgres://postgres@127.0.0.1:5432/koers_bench
 *   npm run bench:data -- --scale 0.1 --data-dir bench/results/pglite-scale-0.1 --fresh
 *
 * The same seed and --today give the same rows (ids included); only the password hash differs.
 * Without --fresh an existing database must be empty; with it, a database whose name holds
 * "bench" is dropped and made again, a PGlite data directory removed first.
 */
import { parseArgs } from "node:util";
import { BUILTIN_REGIMES } from "../src/domain/regimes/builtin.js";
import { hashPassword } from "../src/server/auth/tokens.js";
import { regimeHash } from "../src/server/regimes/service.js";
import { describeTarget, insertRows, openTarget, TABLES } from "./support/bulk.js";
import {
  BENCH_PASSWORD,
  benchLogins,
  type DatasetContext,
  generateOrganisation,
  type StoredRegime,
} from "./support/dataset.js";
import { defaultDataDir, loadAverage, machine, targetFrom } from "./support/machine.js";
import { Random } from "./support/random.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "0.1" },
    seed: { type: "string", default: "42" },
    today: { type: "string" },
    "database-url": { type: "string" },
    "data-dir": { type: "string" },
    fresh: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  console.error(
    "Usage: npm run bench:data -- --scale 0.1 [--seed 42] [--today YYYY-MM-DD] [--database-url URL | --data-dir DIR] [--fresh]",
  );
  process.exit(1);
}
const today = new Date(`${values.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
if (Number.isNaN(today.getTime())) throw new Error("--today: a date like 2026-11-23");
const target = targetFrom(values, defaultDataDir(scale));

// Scale 1 is 50 organisations of 100 guides and 1,000 trajectories; smaller scales keep that
// size per organisation as long as they can, and have fewer organisations.
const organisations = Math.max(1, Math.round(50 * scale));
const share = (total: number, index: number) =>
  Math.floor(total / organisations) + (index < total % organisations ? 1 : 0);
const totalGuides = Math.max(organisations, Math.round(5_000 * scale));
const totalTrajectories = Math.max(organisations, Math.round(50_000 * scale));

const regime = (key: string): StoredRegime => {
  const document = BUILTIN_REGIMES.find((r) => r.key === key);
  if (!document) throw new Error(`built-in regime ${key} missing`);
  return { hash: regimeHash(document), document };
};
const context: DatasetContext = {
  today,
  regimes: {
    teacher: regime("werkbegeleiding_leerkracht"),
    assessment: regime("begeleiding_beoordeling"),
    coaching: regime("coaching"),
    youthCare: regime("skj_werkbegeleiding"),
  },
  // One hash for everyone: argon2 at 19 MiB per hash would otherwise take most of the time.
  passwordHash: await hashPassword(BENCH_PASSWORD),
};

console.log(`Benchmark data, scale ${scale}, seed ${seed}, today ${today.toISOString().slice(0, 10)}`);
console.log(`target    ${describeTarget(target)}`);
console.log(`machine   ${machine()}`);
console.log(`load      ${loadAverage()} (1, 5, 15 min) at the start`);

const began = performance.now();
const connection = await openTarget(target, { fresh: values.fresh });
try {
  const [existing] = (await connection.query("SELECT count(*)::int AS n FROM organisations")).rows;
  if (Number(existing?.n) > 0)
    throw new Error("the database already holds organisations: load into an empty one, or pass --fresh");
  const opened = performance.now();
  const random = new Random(seed);
  const inserted: Record<string, number> = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0]));
  let generating = 0;
  for (let index = 0; index < organisations; index++) {
    const trajectories = share(totalTrajectories, index);
    const startedAt = performance.now();
    const rows = generateOrganisation(
      random.fork(index),
      index + 1,
      {
        guides: share(totalGuides, index),
        trajectories,
        commissioners: Math.max(2, Math.round(trajectories / 50)),
      },
      context,
    );
    generating += performance.now() - startedAt;
    await connection.transaction(async (query) => {
      for (const table of Object.keys(TABLES))
        inserted[table] = (inserted[table] ?? 0) + (await insertRows(query, table, rows[table as keyof typeof rows]));
    });
    if ((index + 1) % 5 === 0 || index + 1 === organisations)
      console.log(
        `  ${index + 1}/${organisations} organisations, ${((performance.now() - opened) / 1000).toFixed(1)} s`,
      );
  }
  const loaded = performance.now();
  // Vacuumed as well as analysed, as a database in use is by autovacuum: loading in bulk changes
  // each trajectory's revision once per table (decision 0045), and the row versions that leaves
  // behind would make the benchmark's reads dearer than a live database's.
  await connection.query("VACUUM ANALYZE");
  const analysed = performance.now();

  console.log("");
  console.log("| table | rows |");
  console.log("|---|---:|");
  for (const table of Object.keys(TABLES)) {
    const [row] = (await connection.query(`SELECT count(*)::int AS n FROM ${table}`)).rows;
    if (Number(row?.n) !== inserted[table]) throw new Error(`${table}: inserted ${inserted[table]}, found ${row?.n}`);
    console.log(`| ${table} | ${Number(row?.n).toLocaleString("en")} |`);
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log("");
  console.log(`open and migrate  ${seconds(opened - began)}`);
  console.log(`generate rows     ${seconds(generating)} (of the load below)`);
  console.log(`load              ${seconds(loaded - opened)}`);
  console.log(`vacuum, analyze   ${seconds(analysed - loaded)}`);
  console.log(`total             ${seconds(analysed - began)}`);
  console.log(`load              ${loadAverage()} (1, 5, 15 min) at the end`);
  const first = benchLogins(1);
  console.log(
    `sign in as        ${first.admin}, ${first.guide}, ${first.trainee}, ${first.professional}, ${first.officer} (password ${BENCH_PASSWORD})`,
  );
} finally {
  await connection.close();
}

/**
 * Load benchmark of the real server on generated data (npm run bench:data first). Starts Koers
 * as `npm start` does, in its own process, signs in as organisation 1's busiest guide, its
 * admin, a registered professional and the training officer, and drives each endpoint with
 * autocannon, as the role that uses it: first at a fixed 500 requests/s, then as fast as it
 * answers. Prints a Markdown table: requests/s, p50/p95/p99 latency, errors, non-2xx,
 * throughput as a share of the bare endpoint (/healthz) in the same run, and the CPU per request
 * of the server and of PostgreSQL (from /proc, before and after each run).
 *
 *   npm run bench:load -- --database-url postgres://postgres@127.0.0.1:5432/koers_bench
 *   npm run bench:load -- --data-dir bench/results/pglite-scale-0.1 --duration 10 --warmup 3
 *   npm run bench:load -- --database-url URL --processes 2 --only due,ledger
 *   npm run bench:load -- --database-url URL --only due --cpu-prof bench/results/profiles
 *
 * `--processes N` starts N servers on the one PostgreSQL database, each on its own port, and
 * splits the load evenly: N autocannon instances, each with 1/N of the rate and the
 * connections, their answers merged. The sessions are signed in once: they live in the
 * database, so a cookie works on every process. `--only` takes the start of scenario names.
 * `--cpu-prof DIR` writes each server's CPU profile there when it stops (a flame graph in
 * Chrome's DevTools or speedscope).
 *
 * The sign-in rate limits are raised for the run (LOGIN_LIMIT_PER_ADDRESS and
 * LOGIN_LIMIT_PER_ACCOUNT): all sign-ins come from one address and one account. The servers run
 * compiled, as `npm start` runs them, and without the background jobs (KOERS_JOBS=false), whose
 * work would count as the requests' CPU.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { DeclarationList } from "../src/domain/declarations/api.js";
import type { EvidenceView } from "../src/domain/evidence/api.js";
import type { Regime } from "../src/domain/regimes/schema.js";
import type {
  DueItemView,
  MeetingSummary,
  TrajectoryDetail,
  TrajectorySummary,
} from "../src/domain/trajectories/api.js";
import { describeTarget, openTarget } from "./support/bulk.js";
import { type CpuSpent, cpuSnapshot, cpuSpent } from "./support/cpu.js";
import { BENCH_PASSWORD, benchLogins } from "./support/dataset.js";
import { anonymousSession, getJson, type Session, signIn } from "./support/http.js";
import { defaultDataDir, loadAverage, machine, targetFrom } from "./support/machine.js";
import { type RunningKoers, root, spawnKoers } from "./support/server.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    "data-dir": { type: "string" },
    scale: { type: "string", default: "0.1" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    rate: { type: "string", default: "500" },
    connections: { type: "string", default: "10" },
    processes: { type: "string", default: "1" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const target = targetFrom(values, defaultDataDir(Number(values.scale)));
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const rate = Number(values.rate);
const connections = Number(values.connections);
const processes = Number(values.processes);
const RAISED_LIMIT = "1000000";
/** Requests a second each read must reach at full speed (BENCHMARKS.md, the load benchmark's targets). */
const FULL_SPEED_TARGET = 800;
if (!Number.isInteger(processes) || processes < 1 || connections < processes) {
  console.error("--processes: a whole number from 1 up to --connections");
  process.exit(1);
}
if (processes > 1 && !("databaseUrl" in target)) {
  console.error(
    "--processes: more than one Koers process needs a PostgreSQL server (--database-url); a PGlite data directory belongs to one process",
  );
  process.exit(1);
}
// PostgreSQL's CPU is counted for this database's backends (PGlite runs inside the server).
const databaseName = values["database-url"]
  ? decodeURIComponent(new URL(values["database-url"]).pathname.slice(1))
  : null;

const counts = await countRows();
// What `npm start` runs: the compiled server, built first if its sources changed.
execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "inherit" });
const servers: RunningKoers[] = [];
try {
  for (let i = 0; i < processes; i++)
    servers.push(
      await spawnKoers(target, {
        launcher: "compiled",
        nodeOptions: values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : [],
        env: {
          SEED_DEMO: "false",
          // The background jobs (reminders) would spend CPU of their own during the runs.
          KOERS_JOBS: "false",
          LOGIN_LIMIT_PER_ADDRESS: RAISED_LIMIT,
          LOGIN_LIMIT_PER_ACCOUNT: RAISED_LIMIT,
        },
      }),
    );
} catch (error) {
  await Promise.all(servers.map((s) => s.stop()));
  throw error;
}
// Sessions are signed in and pools gathered on the first; the runs spread over all of them.
const base = servers[0]!.url;

interface Scenario {
  name: string;
  read: boolean;
  path?: string;
  options: Partial<autocannon.Options>;
}

interface Measured {
  scenario: string;
  mode: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  ofBare: number;
  /** CPU per answered request, in ms: the server processes (summed) and PostgreSQL (null for PGlite). */
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number | null;
  /** How many cores each kept busy on average over the run. */
  serverCores: number;
  databaseCores: number | null;
  /** CPU per request of PostgreSQL's postmaster and background processes, shared with other databases (null for PGlite). */
  sharedDatabaseCpuMsPerRequest: number | null;
  /** CPU per request of the load generator itself, in ms. */
  clientCpuMsPerRequest: number;
  load: number;
}

try {
  const logins = benchLogins(1);
  const guide = await signIn(base, logins.guide, BENCH_PASSWORD);
  const admin = await signIn(base, logins.admin, BENCH_PASSWORD);
  const professional = await signIn(base, logins.professional, BENCH_PASSWORD);
  const officer = await signIn(base, logins.officer, BENCH_PASSWORD);
  const anonymous = await anonymousSession(base);
  type Page = { items: TrajectorySummary[]; total: number };
  // Lists come a page at a time; the detail and the write rotate over every trajectory of the guide.
  const allPages = async (session: Session) => {
    const first = await getJson<Page>(base, session, "/api/v1/trajectories");
    const items = [...first.items];
    for (let page = 2; items.length < first.total; page++)
      items.push(...(await getJson<Page>(base, session, `/api/v1/trajectories?page=${page}`)).items);
    return items;
  };
  const mine = await allPages(guide);
  const all = (await getJson<Page>(base, admin, "/api/v1/trajectories")).total;
  const pool = await meetingPool(guide, mine);
  const declared = await declaredTrajectories(guide, mine);
  const ledgers = await ledgerPool(officer, counts.registered);
  const due = await getJson<{ items: DueItemView[] }>(base, guide, "/api/v1/due");
  if (!due.items.length) throw new Error("the guide has nothing due: generate the data again");
  const own = await getJson<EvidenceView>(base, professional, "/api/v1/evidence");
  if (!own.ledger?.lines.some((line) => line.records.length))
    throw new Error("the professional's ledger is empty: generate the data again");
  const overview = await getJson<{ items: unknown[] }>(base, officer, "/api/v1/scan-overview");

  let nextTrajectory = 0;
  let nextMeeting = 0;
  let nextDeclared = 0;
  let nextLedger = 0;
  /** A GET whose path `next` gives anew for every request. */
  const rotating = (session: Session, next: () => string): Partial<autocannon.Options> => ({
    headers: { cookie: session.cookie },
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  const json = { "content-type": "application/json" };
  const defined: Scenario[] = [
    { name: "bare: GET /healthz", read: false, path: "/healthz", options: { method: "GET" } },
    {
      name: "sign-in: POST /api/v1/auth/login",
      read: false,
      path: "/api/v1/auth/login",
      options: {
        method: "POST",
        headers: { ...json, cookie: anonymous.cookie, "x-csrf-token": anonymous.csrfToken },
        body: JSON.stringify({ email: logins.trainee, password: BENCH_PASSWORD }),
      },
    },
    {
      name: `my trajectories (guide, first page of ${mine.length}): GET /api/v1/trajectories`,
      read: true,
      path: "/api/v1/trajectories",
      options: { method: "GET", headers: { cookie: guide.cookie } },
    },
    {
      name: "trajectory detail (guide): GET /api/v1/trajectories/:id",
      read: true,
      options: {
        headers: { cookie: guide.cookie },
        requests: [
          {
            method: "GET",
            setupRequest: (request) => {
              const item = mine[nextTrajectory++ % mine.length];
              return { ...request, path: `/api/v1/trajectories/${item?.id}` };
            },
          },
        ],
      },
    },
    {
      name: `organisation list (admin, first page of ${all}): GET /api/v1/trajectories`,
      read: true,
      path: "/api/v1/trajectories",
      options: { method: "GET", headers: { cookie: admin.cookie } },
    },
    {
      name: `due (guide, ${due.items.length} items): GET /api/v1/due`,
      read: true,
      path: "/api/v1/due",
      options: { method: "GET", headers: { cookie: guide.cookie } },
    },
    {
      name: `declarations (guide, ${declared.length} SKJ trajectories): GET /api/v1/trajectories/:id/declarations`,
      read: true,
      options: rotating(guide, () => `/api/v1/trajectories/${declared[nextDeclared++ % declared.length]}/declarations`),
    },
    {
      name: `own ledger (professional, ${own.ledger.lines.reduce((n, l) => n + l.records.length, 0)} records): GET /api/v1/evidence`,
      read: true,
      path: "/api/v1/evidence",
      options: { method: "GET", headers: { cookie: professional.cookie } },
    },
    {
      name: `ledgers (training officer, ${ledgers.length} registered people): GET /api/v1/people/:id/evidence`,
      read: true,
      options: rotating(officer, () => `/api/v1/people/${ledgers[nextLedger++ % ledgers.length]}/evidence`),
    },
    {
      name: "learning path (guide): GET /api/v1/learning-path",
      read: true,
      path: "/api/v1/learning-path",
      options: { method: "GET", headers: { cookie: guide.cookie } },
    },
    {
      name: `scan overview (training officer, ${overview.items.length} guides): GET /api/v1/scan-overview`,
      read: true,
      path: "/api/v1/scan-overview",
      options: { method: "GET", headers: { cookie: officer.cookie } },
    },
    {
      name: `record a meeting (guide, ${pool.length} meetings): PUT /api/v1/meetings/:id`,
      read: false,
      options: {
        headers: { ...json, cookie: guide.cookie, "x-csrf-token": guide.csrfToken },
        requests: [
          {
            method: "PUT",
            setupRequest: (request, context) => {
              const meeting = pool[nextMeeting++ % pool.length]!;
              (context as { meeting?: PoolMeeting }).meeting = meeting;
              const body = JSON.stringify({ ...meeting.body, version: meeting.version });
              // Assume it succeeds; the answer below corrects the version.
              meeting.version += 1;
              return { ...request, path: `/api/v1/meetings/${meeting.id}`, body };
            },
            onResponse: (status, body, context) => {
              const meeting = (context as { meeting?: PoolMeeting }).meeting;
              if (status === 200 && meeting)
                meeting.version = Math.max(meeting.version, (JSON.parse(body) as { version: number }).version);
            },
          },
        ],
      },
    },
  ];
  const scenarios = defined.filter(
    (s) => !values.only || values.only.split(",").some((part) => s.name.startsWith(part.trim())),
  );

  const results: Measured[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`${scenario.name}: warm-up`);
    await fire(scenario, warmup, undefined);
    for (const mode of [rate, undefined]) {
      process.stdout.write(`, ${mode ? `${mode}/s` : "max"}`);
      const load = os.loadavg()[0] ?? 0;
      const before = snapshot();
      const run = await fire(scenario, duration, mode);
      const spent = cpuSpent(before, snapshot());
      assertServersRun();
      results.push({
        scenario: scenario.name,
        mode: mode ? `${mode}/s` : "max",
        ...run,
        ...perRequest(spent, run.responses, run.seconds),
        ofBare: 0,
        load,
      });
    }
    process.stdout.write("\n");
  }
  for (const result of results) {
    const bare = results.find((r) => r.scenario.startsWith("bare") && r.mode === result.mode);
    result.ofBare = bare ? result.requestsPerSecond / bare.requestsPerSecond : Number.NaN;
  }
  report(results, scenarios);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}

/** A server that stopped mid-run turns every later request into an error: say why instead. */
function assertServersRun() {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) continue;
    throw new Error(
      `a server stopped (${server.child.exitCode ?? server.child.signalCode}); its last output:\n${server.output().slice(-4000)}`,
    );
  }
}

/** The CPU used so far by the servers (and all they started) and by PostgreSQL for this database. */
function snapshot() {
  return cpuSnapshot(
    servers.map((s) => s.child.pid as number),
    databaseName,
  );
}

function perRequest(spent: CpuSpent, responses: number, seconds: number) {
  const per = (ms: number) => (responses ? ms / responses : Number.NaN);
  return {
    serverCpuMsPerRequest: per(spent.serverMs),
    databaseCpuMsPerRequest: spent.databaseMs === null ? null : per(spent.databaseMs),
    serverCores: spent.serverMs / (seconds * 1000),
    databaseCores: spent.databaseMs === null ? null : spent.databaseMs / (seconds * 1000),
    sharedDatabaseCpuMsPerRequest: spent.sharedMs === null ? null : per(spent.sharedMs),
    clientCpuMsPerRequest: per(spent.clientMs),
  };
}

/**
 * The guide's trajectories that have declarations (SKJ werkbegeleiding), as the guide sees them
 * listed: the declarations read rotates over these.
 */
async function declaredTrajectories(guide: Session, mine: TrajectorySummary[]): Promise<string[]> {
  const ids: string[] = [];
  for (const summary of mine) {
    const list = await getJson<DeclarationList>(base, guide, `/api/v1/trajectories/${summary.id}/declarations`);
    if (list.items.length) ids.push(summary.id);
  }
  if (!ids.length) throw new Error("the guide has no trajectory with declarations: generate the data again");
  return ids;
}

/** The registered people whose ledger the training officer can read (a profile and a re-registration date). */
async function ledgerPool(officer: Session, personIds: string[]): Promise<string[]> {
  const usable: string[] = [];
  for (const id of personIds) {
    const view = await getJson<EvidenceView>(base, officer, `/api/v1/people/${id}/evidence`);
    if (view.ledger) usable.push(id);
  }
  if (!usable.length) throw new Error("no registered person has a ledger: generate the data again");
  return usable;
}

interface PoolMeeting {
  id: string;
  version: number;
  body: Record<string, unknown>;
}

/**
 * Meetings the guide may record, in the guide's trajectories that are still open: the planned
 * ones that have started first (recording turns them to held), then those already held
 * (recording again saves changed minutes). Each request records one, with the version it last
 * answered.
 */
async function meetingPool(guide: Session, mine: TrajectorySummary[]): Promise<PoolMeeting[]> {
  const planned: PoolMeeting[] = [];
  const held: PoolMeeting[] = [];
  const started = Date.now();
  for (const summary of mine.filter((t) => ["draft", "agreed", "running", "reporting"].includes(t.status))) {
    const detail = await getJson<TrajectoryDetail>(base, guide, `/api/v1/trajectories/${summary.id}`);
    if (!detail.abilities.recordMeetings) continue;
    for (const meeting of detail.meetings ?? []) {
      // A meeting is recorded held only once it has started.
      if (meeting.status === "cancelled" || (meeting.status === "planned" && Date.parse(meeting.startsAt) > started))
        continue;
      const entry = { id: meeting.id, version: meeting.version, body: recording(detail.regime, meeting) };
      (meeting.status === "planned" ? planned : held).push(entry);
    }
  }
  const pool = [...planned, ...held];
  if (pool.length < connections * 4) throw new Error(`only ${pool.length} meetings to record: generate more data`);
  return pool;
}

/** What the guide sends on recording a meeting: held, with minutes and observation scores. */
function recording(regime: Regime, meeting: MeetingSummary) {
  const type = regime.meetingTypes.find((t) => t.key === meeting.type);
  const form = regime.observationForms.find((f) => f.key === type?.observationForm);
  return {
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: 15,
    travelMinutes: form ? 25 : 0,
    unannounced: meeting.unannounced,
    status: "held",
    location: meeting.location,
    notes: "Besproken: de leswissel en de instructietafel. Afspraken staan in de feedback.",
    confidential: meeting.confidential,
    observation: form
      ? Object.fromEntries(form.items.map((item, i) => [item.key, { score: form.scale.min + (i % 3), note: null }]))
      : null,
  };
}

/**
 * One run: an autocannon instance per server, each with its share of the rate and the
 * connections, all at once; latencies taken from every response, so p95 is exact.
 */
async function fire(scenario: Scenario, seconds: number, overallRate: number | undefined) {
  const latencies: number[] = [];
  const share = (i: number) => Math.floor(connections / servers.length) + (i < connections % servers.length ? 1 : 0);
  const results = await Promise.all(
    servers.map(
      (server, i) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: `${server.url}${scenario.path ?? ""}`,
              connections: share(i),
              duration: seconds,
              ...(overallRate ? { overallRate: overallRate / servers.length } : {}),
              ...scenario.options,
            },
            (error, done) => (error ? reject(error) : resolve(done)),
          );
          // autocannon passes the client first; its type definitions leave it out.
          instance.on("response", ((_client: unknown, _status: number, _bytes: number, time: number) => {
            latencies.push(time);
          }) as never);
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const runSeconds = Math.max(...results.map((r) => r.duration));
  return {
    requestsPerSecond: latencies.length / runSeconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    responses: latencies.length,
    seconds: runSeconds,
  };
}

/**
 * What the data holds, and (as its owner) the people of organisation 1 with a registration
 * measured against a profile: there is no list of them in the API, only each one's ledger.
 */
async function countRows() {
  const connection = await openTarget(target, { fresh: false });
  try {
    const [row] = (
      await connection.query(
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM trajectories)::int AS trajectories,
                (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM declarations)::int AS declarations,
                (SELECT count(*) FROM registrations)::int AS registrations, (SELECT count(*) FROM intervision_meetings)::int AS intervision_meetings`,
      )
    ).rows;
    if (!row || Number(row.organisations) === 0) throw new Error("no data: run npm run bench:data first");
    const registered = (
      await connection.query(
        `SELECT DISTINCT r.membership_id AS id FROM registrations r JOIN organisations o ON o.id = r.organisation_id
         WHERE o.slug = 'bench-001' AND r.requirement_profile IS NOT NULL AND r.reregistration_date IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((r) => String(r.id));
    return {
      ...(row as {
        organisations: number;
        trajectories: number;
        meetings: number;
        declarations: number;
        registrations: number;
        intervision_meetings: number;
      }),
      registered,
    };
  } finally {
    await connection.close();
  }
}

function report(results: Measured[], scenarios: Scenario[]) {
  const ms = (n: number) => n.toFixed(1);
  const cpu = (n: number) => n.toFixed(2);
  const lines = [
    "",
    `Load benchmark, ${new Date().toISOString().slice(0, 10)}`,
    `machine      ${machine()}`,
    `database     ${describeTarget(target)}: ${counts.organisations} organisations, ${counts.trajectories.toLocaleString("en")} trajectories, ${counts.meetings.toLocaleString("en")} meetings, ${counts.declarations.toLocaleString("en")} declarations, ${counts.registrations.toLocaleString("en")} registrations, ${counts.intervision_meetings.toLocaleString("en")} intervisie meetings`,
    `servers      ${processes} Koers process${processes > 1 ? `es on one database, the load split evenly (${servers.map((s) => new URL(s.url).port).join(", ")})` : ""}`,
    `runs         ${duration} s each after a ${warmup} s warm-up, ${connections} connections; fixed rate ${rate}/s, then as fast as it answers`,
    `CPU          per answered request, from /proc: the server process${processes > 1 ? "es (summed)" : ""} and ${databaseName ? `PostgreSQL's backends of ${databaseName} (the postmaster and background processes, shared with other databases, only in the JSON)` : "PGlite inside it"}; cores: how many each kept busy`,
    `rate limits  LOGIN_LIMIT_PER_ADDRESS and LOGIN_LIMIT_PER_ACCOUNT raised to ${RAISED_LIMIT} for this run`,
    `load         ${loadAverage()} (1, 5, 15 min) at the end`,
    "",
    "| endpoint | rate | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | of bare | server CPU ms/req | db CPU ms/req | cores server / db | load (1 min) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.mode} | ${Math.round(r.requestsPerSecond)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} | ${Math.round(r.ofBare * 100)}% | ${cpu(r.serverCpuMsPerRequest)} | ${r.databaseCpuMsPerRequest === null ? "in server" : cpu(r.databaseCpuMsPerRequest)} | ${r.serverCores.toFixed(2)} / ${r.databaseCores === null ? "–" : r.databaseCores.toFixed(2)} | ${r.load.toFixed(2)} |`,
    ),
    "",
    `Targets for the read endpoints: p95 < 25 ms at ${rate}/s, at least ${FULL_SPEED_TARGET} req/s at full speed, no errors (BENCHMARKS.md).`,
  ];
  for (const scenario of scenarios.filter((s) => s.read)) {
    const fixed = results.find((r) => r.scenario === scenario.name && r.mode !== "max");
    const max = results.find((r) => r.scenario === scenario.name && r.mode === "max");
    if (!fixed || !max) continue;
    const misses = [
      fixed.p95 >= 25 ? `p95 ${ms(fixed.p95)} ms at ${fixed.mode}` : null,
      fixed.requestsPerSecond < rate * 0.95 ? `only ${Math.round(fixed.requestsPerSecond)} req/s of ${rate}` : null,
      max.requestsPerSecond < FULL_SPEED_TARGET ? `${Math.round(max.requestsPerSecond)} req/s at full speed` : null,
      fixed.errors + fixed.non2xx + max.errors + max.non2xx > 0 ? "errors" : null,
    ].filter(Boolean);
    lines.push(
      `  ${misses.length ? "missed" : "met   "}  ${scenario.name}${misses.length ? `: ${misses.join(", ")}` : ""}`,
    );
  }
  console.log(lines.join("\n"));
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/load-${"databaseUrl" in target ? "postgres" : "pglite"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  const { registered: _, ...rows } = counts;
  writeFileSync(
    file,
    `${JSON.stringify({ machine: machine(), target: describeTarget(target), processes, counts: rows, results }, null, 2)}\n`,
  );
  console.log(`\nfigures also in ${file}`);
}

/**
 * CPU time spent by the server and by PostgreSQL, read from /proc (Linux): utime + stime of each
 * process, plus cutime + cstime (children it has reaped, so a process that ends during a run
 * still counts). Take a snapshot before and after a run; the difference is the CPU the run cost.
 *
 * The server is each server process with everything it started. PostgreSQL is every process
 * whose name is `postgres` (the postmaster, its background processes and the backends), except
 * backends and autovacuum workers of other databases: other work on the same server is left out
 * as far as the process titles tell. With PGlite the database runs inside the server's process.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second, the unit of /proc/<pid>/stat. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcessStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcessStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name sits in parentheses and may itself hold spaces or parentheses.
    const open = raw.indexOf("(");
    const close = raw.lastIndexOf(")");
    const fields = raw
      .slice(close + 2)
      .trim()
      .split(" ");
    const field = (n: number) => Number(fields[n] ?? 0);
    return {
      pid,
      comm: raw.slice(open + 1, close),
      ppid: field(1),
      ticks: field(11) + field(12) + field(13) + field(14),
    };
  } catch {
    return null; // gone meanwhile, or not ours to read
  }
}

function allProcesses(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

const title = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
};

/**
 * Whether a PostgreSQL process works for another database than `database`: a backend's title is
 * `postgres: [cluster: ]user database host(port) state`, an autovacuum worker's ends in its
 * database. The postmaster and the background processes count for every database.
 */
function otherDatabase(pid: number, database: string) {
  const text = title(pid);
  const worker = /autovacuum worker (\S+)/.exec(text);
  if (worker) return worker[1] !== database;
  const backend = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(text);
  return backend ? backend[1] !== database : false;
}

export interface CpuSnapshot {
  /** Milliseconds of CPU of the server processes and what they started. */
  serverMs: number;
  /** Milliseconds of CPU of PostgreSQL for this database; null when the database is in the server (PGlite). */
  databaseMs: number | null;
  /** Milliseconds of CPU of this (the load-generating) process. */
  clientMs: number;
}

/** The CPU used so far by the processes `serverPids` (and their descendants) and by PostgreSQL. */
export function cpuSnapshot(serverPids: readonly number[], database: string | null): CpuSnapshot {
  const processes = allProcesses();
  const children = new Map<number, ProcessStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let serverTicks = 0;
  const seen = new Set<number>();
  const stack = processes.filter((p) => serverPids.includes(p.pid));
  while (stack.length) {
    const p = stack.pop() as ProcessStat;
    if (seen.has(p.pid)) continue;
    seen.add(p.pid);
    serverTicks += p.ticks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  let databaseTicks = 0;
  if (database)
    for (const p of processes)
      if (p.comm === "postgres" && !seen.has(p.pid) && !otherDatabase(p.pid, database)) databaseTicks += p.ticks;
  const usage = process.cpuUsage();
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return {
    serverMs: ms(serverTicks),
    databaseMs: database ? ms(databaseTicks) : null,
    clientMs: (usage.user + usage.system) / 1000,
  };
}

/** The CPU a run cost: `after` minus `before`. */
export const cpuSpent = (before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot => ({
  serverMs: after.serverMs - before.serverMs,
  databaseMs: after.databaseMs === null || before.databaseMs === null ? null : after.databaseMs - before.databaseMs,
  clientMs: after.clientMs - before.clientMs,
});

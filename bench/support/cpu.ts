/**
 * CPU time spent by the server and by PostgreSQL, read from /proc (Linux). Take a snapshot before
 * and after a run; the difference is the CPU the run cost.
 *
 * The server is each server process with everything it started: utime + stime, plus cutime +
 * cstime (children it has reaped, so one that ends during a run still counts).
 *
 * PostgreSQL is told apart by process title. Its CPU for the run is that of the backends of this
 * database (with the parallel workers they lead and its autovacuum workers): utime + stime. The
 * postmaster and the background processes (checkpointer, background writer, WAL writer) serve
 * every database on the server, other work's too, so they are counted apart, as `sharedMs`, by
 * their own utime + stime (the postmaster's cutime holds every ended backend of any database).
 * Each PostgreSQL process counts from the snapshot before (or from its start) to the one after; a
 * backend that ends in between loses what it spent since the snapshot before, which is little:
 * the server's connection pool closes only connections that sat idle. With PGlite the database
 * runs inside the server's process.
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
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: the children it has waited for, in clock ticks. */
  children: number;
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
      own: field(11) + field(12),
      children: field(13) + field(14),
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

type Role = { kind: "database"; database: string } | { kind: "parallel"; leader: number } | { kind: "shared" };

/**
 * What a PostgreSQL process does, by its title: a backend (`postgres: [cluster: ]user database
 * host(port) state`) or an autovacuum worker works for one database, a parallel worker for the
 * backend that leads it; the postmaster and the background processes for all.
 */
function roleOf(pid: number): Role {
  const text = title(pid);
  const worker = /autovacuum worker (\S+)/.exec(text);
  if (worker?.[1]) return { kind: "database", database: worker[1] };
  const parallel = /parallel worker for PID (\d+)/.exec(text);
  if (parallel) return { kind: "parallel", leader: Number(parallel[1]) };
  const backend = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(text);
  return backend?.[1] ? { kind: "database", database: backend[1] } : { kind: "shared" };
}

/** Milliseconds of CPU so far: of the server, of PostgreSQL's processes by pid, of this process. */
export interface CpuSnapshot {
  serverMs: number;
  /** PostgreSQL's backends of this database by pid; null when the database is in the server (PGlite). */
  database: Map<number, number> | null;
  /** PostgreSQL's postmaster and background processes by pid; null for PGlite. */
  shared: Map<number, number> | null;
  clientMs: number;
}

/** Milliseconds of CPU a run cost. */
export interface CpuSpent {
  /** The server processes and what they started. */
  serverMs: number;
  /** PostgreSQL's backends of this database; null when the database is in the server (PGlite). */
  databaseMs: number | null;
  /** PostgreSQL's postmaster and background processes, which serve every database; null for PGlite. */
  sharedMs: number | null;
  /** This (the load-generating) process. */
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
    serverTicks += p.own + p.children;
    stack.push(...(children.get(p.pid) ?? []));
  }
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  const databaseByPid = new Map<number, number>();
  const sharedByPid = new Map<number, number>();
  if (database) {
    const postgres = processes.filter((p) => p.comm === "postgres" && !seen.has(p.pid));
    const roles = new Map(postgres.map((p) => [p.pid, roleOf(p.pid)]));
    const ours = (role: Role | undefined) => role?.kind === "database" && role.database === database;
    for (const p of postgres) {
      const role = roles.get(p.pid);
      if (role?.kind === "shared") sharedByPid.set(p.pid, ms(p.own));
      else if (ours(role) || (role?.kind === "parallel" && ours(roles.get(role.leader))))
        databaseByPid.set(p.pid, ms(p.own));
    }
  }
  const usage = process.cpuUsage();
  return {
    serverMs: ms(serverTicks),
    database: database ? databaseByPid : null,
    shared: database ? sharedByPid : null,
    clientMs: (usage.user + usage.system) / 1000,
  };
}

/** The CPU a run cost: `after` minus `before`. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSpent {
  // Per process, from the snapshot before (or its start) to the one after.
  const spent = (a: Map<number, number> | null, b: Map<number, number> | null) => {
    if (!a || !b) return null;
    let total = 0;
    for (const [pid, ms] of a) total += Math.max(0, ms - (b.get(pid) ?? 0));
    return total;
  };
  return {
    serverMs: after.serverMs - before.serverMs,
    databaseMs: spent(after.database, before.database),
    sharedMs: spent(after.shared, before.shared),
    clientMs: after.clientMs - before.clientMs,
  };
}

import os from "node:os";

/** The machine a figure was measured on, as BENCHMARKS.md records it. */
export function machine(): string {
  const cpus = os.cpus();
  const ram = Math.round(os.totalmem() / 2 ** 30);
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${ram} GiB RAM, Node ${process.version}`;
}

/** The 1-, 5- and 15-minute load averages: how busy the machine was besides the benchmark. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");

/** The benchmark's data: a PostgreSQL database (DATABASE_URL style) or a PGlite data directory. */
export function targetFrom(values: { "database-url"?: string; "data-dir"?: string }, fallbackDir: string) {
  if (values["database-url"] && values["data-dir"]) throw new Error("give --database-url or --data-dir, not both");
  return values["database-url"]
    ? { databaseUrl: values["database-url"] }
    : { dataDir: values["data-dir"] ?? fallbackDir };
}

/** Where `npm run bench` keeps a scale's embedded data (bench/results is not committed). */
export const defaultDataDir = (scale: number) => `bench/results/pglite-scale-${scale}`;

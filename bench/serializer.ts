/**
 * What writing a response costs: the read endpoints' answers on generated data (npm run
 * bench:data first), each written many times by Zod's serializer (the response checked and
 * encoded against its schema, then `JSON.stringify`) and by the serializer compiled from the
 * schema that the server uses (decision 0044), in alternating rounds. Prints microseconds per
 * response for both.
 *
 *   npm run bench:serializer -- --database-url postgres://postgres@127.0.0.1:5432/koers_bench
 *   npm run bench:serializer -- --data-dir bench/results/pglite-scale-0.1 --rounds 10
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import { serializerCompiler as zodSerializer } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import { learningPathViewSchema } from "../src/domain/competences/path-api.js";
import { scanOverviewSchema } from "../src/domain/competences/scan-api.js";
import { evidenceViewSchema } from "../src/domain/evidence/api.js";
import {
  dueItemSchema,
  type TrajectorySummary,
  trajectoryDetailSchema,
  trajectoryListSchema,
} from "../src/domain/trajectories/api.js";
import { responseSerializer } from "../src/server/http/serializer.js";
import { BENCH_PASSWORD, benchLogins } from "./support/dataset.js";
import { getJson, signIn } from "./support/http.js";
import { defaultDataDir, loadAverage, machine, targetFrom } from "./support/machine.js";
import { spawnKoers } from "./support/server.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    "data-dir": { type: "string" },
    scale: { type: "string", default: "0.1" },
    rounds: { type: "string", default: "6" },
    /** Writes per round; fewer for large answers, so that each round takes about as long. */
    budget: { type: "string", default: "20000000" },
  },
});
const rounds = Number(values.rounds);
const budget = Number(values.budget);

const koers = await spawnKoers(targetFrom(values, defaultDataDir(Number(values.scale))), {
  env: { SEED_DEMO: "false", KOERS_JOBS: "false" },
});
const answers: { name: string; schema: ZodType; data: unknown }[] = [];
try {
  const logins = benchLogins(1);
  const guide = await signIn(koers.url, logins.guide, BENCH_PASSWORD);
  const admin = await signIn(koers.url, logins.admin, BENCH_PASSWORD);
  const professional = await signIn(koers.url, logins.professional, BENCH_PASSWORD);
  const officer = await signIn(koers.url, logins.officer, BENCH_PASSWORD);
  const get = (session: typeof guide, path: string) => getJson<unknown>(koers.url, session, path);
  const mine = (await get(guide, "/api/v1/trajectories")) as { items: TrajectorySummary[] };
  const detail = mine.items[Math.floor(mine.items.length / 2)];
  if (!detail) throw new Error("the guide has no trajectories: generate the data again");
  answers.push(
    { name: "my trajectories (guide)", schema: trajectoryListSchema, data: mine },
    {
      name: "trajectory detail (guide)",
      schema: trajectoryDetailSchema,
      data: await get(guide, `/api/v1/trajectories/${detail.id}`),
    },
    { name: "organisation list (admin)", schema: trajectoryListSchema, data: await get(admin, "/api/v1/trajectories") },
    { name: "due (guide)", schema: z.object({ items: z.array(dueItemSchema) }), data: await get(guide, "/api/v1/due") },
    {
      name: "own ledger (professional)",
      schema: evidenceViewSchema,
      data: await get(professional, "/api/v1/evidence"),
    },
    { name: "learning path (guide)", schema: learningPathViewSchema, data: await get(guide, "/api/v1/learning-path") },
    { name: "scan overview (officer)", schema: scanOverviewSchema, data: await get(officer, "/api/v1/scan-overview") },
  );
} finally {
  await koers.stop();
}

console.log(`\n${machine()}, load ${loadAverage()}\n`);
console.log("| answer | bytes | Zod µs | compiled µs | Zod ÷ compiled |");
console.log("|---|---:|---:|---:|---:|");
for (const { name, schema, data } of answers) {
  const route = { schema, method: "GET", url: name, httpStatus: "200" } as Parameters<typeof zodSerializer>[0];
  const zod = zodSerializer(route) as (data: unknown) => string;
  const compiled = responseSerializer({ crossCheck: false })(route);
  const bytes = Buffer.byteLength(zod(data));
  if (!isDeepStrictEqual(JSON.parse(compiled(data)), JSON.parse(zod(data))))
    throw new Error(`${name}: the two serializers wrote different answers`);
  const writes = Math.max(50, Math.floor(budget / bytes));
  const spent = { zod: 0, compiled: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const [which, write] of [
      ["zod", zod],
      ["compiled", compiled],
    ] as const) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < writes; i++) write(data);
      spent[which] += Number(process.hrtime.bigint() - start) / 1000;
    }
  }
  const micro = (total: number) => total / (rounds * writes);
  console.log(
    `| ${name} | ${bytes} | ${micro(spent.zod).toFixed(1)} | ${micro(spent.compiled).toFixed(1)} | ${(spent.zod / spent.compiled).toFixed(1)} |`,
  );
}

import { EventEmitter } from "node:events";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { prepareStatements } from "./prepared.js";

/** A pool that hands out one client, which records what it was asked to run. */
function recordingPool(limit: number) {
  const pool = new EventEmitter();
  prepareStatements(pool as unknown as pg.Pool, limit);
  const sent: unknown[] = [];
  const client = { query: (config: unknown) => sent.push(config) };
  pool.emit("connect", client);
  return { run: (config: unknown) => client.query(config), sent };
}

describe("prepared statements", () => {
  it("names each statement text once, and the same text by the same name", () => {
    const { run, sent } = recordingPool(10);
    run({ text: "select $1", values: [1] });
    run({ text: "select $1, $2", values: [1, 2] });
    run({ text: "select $1", values: [3] });
    expect(sent).toEqual([
      { text: "select $1", values: [1], name: "koers_1" },
      { text: "select $1, $2", values: [1, 2], name: "koers_2" },
      { text: "select $1", values: [3], name: "koers_1" },
    ]);
  });

  it("leaves texts beyond the limit, plain strings and statements that have a name as they are", () => {
    const { run, sent } = recordingPool(1);
    run({ text: "select 1" });
    run({ text: "select 2" });
    run("select 3");
    run({ text: "select 4", name: "own" });
    expect(sent).toEqual([
      { text: "select 1", name: "koers_1" },
      { text: "select 2" },
      "select 3",
      { text: "select 4", name: "own" },
    ]);
  });
});

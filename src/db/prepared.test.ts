import { EventEmitter } from "node:events";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { prepareStatements } from "./prepared.js";

/** A pool with one client, which records what it was asked to send and answers each statement. */
function recordingPool(limit = 10) {
  const pool = new EventEmitter();
  prepareStatements(pool as unknown as pg.Pool, limit);
  const sent: unknown[] = [];
  const client = {
    query: async (config: unknown, values?: unknown[]) => {
      sent.push(values ? [config, values] : config);
      const text = typeof config === "string" ? config : (config as { text: string }).text;
      const answers = text.split("; ").map((statement) => ({ rows: [{ statement }] }));
      return answers.length > 1 ? answers : answers[0];
    },
  };
  pool.emit("connect", client);
  return {
    run: (...args: unknown[]) => (client.query as (...a: unknown[]) => Promise<unknown>)(...args),
    release: () => pool.emit("release", undefined, client),
    sent,
  };
}

describe("statements sent through the pool", () => {
  it("name each text with parameters once, and the same text by the same name", async () => {
    const { run, sent } = recordingPool();
    await run({ text: "select $1" }, [1]);
    await run({ text: "select $1, $2" }, [1, 2]);
    await run({ text: "select $1" }, [3]);
    expect(sent).toEqual([
      [{ text: "select $1", name: "koers_1" }, [1]],
      [{ text: "select $1, $2", name: "koers_2" }, [1, 2]],
      [{ text: "select $1", name: "koers_1" }, [3]],
    ]);
  });

  it("leave texts beyond the limit, without parameters, with a name, or as plain strings as they came", async () => {
    const { run, sent } = recordingPool(1);
    await run({ text: "select $1" }, [1]);
    await run({ text: "select $1, $2" }, [1, 2]);
    await run({ text: "select 1" }, []);
    await run({ text: "select $1", name: "own" }, [1]);
    await run("select 3");
    expect(sent).toEqual([
      [{ text: "select $1", name: "koers_1" }, [1]],
      [{ text: "select $1, $2" }, [1, 2]],
      [{ text: "select 1" }, []],
      [{ text: "select $1", name: "own" }, [1]],
      "select 3",
    ]);
  });

  it("send BEGIN with the statement after it when that one has no parameters, and answer with that statement's answer", async () => {
    const { run, sent } = recordingPool();
    await run({ text: "begin" }, []);
    const answer = await run({ text: "select set_config('app.org_id', 'x', true)" }, []);
    await run({ text: "commit" }, []);
    expect(sent).toEqual([
      [{ text: "begin; select set_config('app.org_id', 'x', true)" }, []],
      [{ text: "commit" }, []],
    ]);
    expect(answer).toEqual({ rows: [{ statement: "select set_config('app.org_id', 'x', true)" }] });
  });

  it("send BEGIN just before a statement with parameters, and before a plain string", async () => {
    const { run, sent } = recordingPool();
    await run({ text: "begin" }, []);
    await run({ text: "select $1" }, [1]);
    await run({ text: "begin" }, []);
    await run("select 2");
    expect(sent).toEqual(["begin", [{ text: "select $1", name: "koers_1" }, [1]], "begin", "select 2"]);
  });

  it("name the statements of the pool's own query, which passes a callback, and never hold one back", async () => {
    const { run, sent } = recordingPool();
    const callback = () => {};
    await run({ text: "select $1" }, [1], callback);
    await run({ text: "begin" }, [], callback);
    expect(sent).toEqual([
      [{ text: "select $1", name: "koers_1" }, [1]],
      [{ text: "begin" }, []],
    ]);
  });

  it("hold nothing back once the connection is back in the pool", async () => {
    const { run, release, sent } = recordingPool();
    await run({ text: "begin" }, []);
    release();
    await run({ text: "select 1" }, []);
    expect(sent).toEqual([[{ text: "select 1" }, []]]);
  });
});

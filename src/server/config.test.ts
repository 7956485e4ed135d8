import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY } from "../domain/outbox/delivery.js";
import { loadConfig, retryPolicy } from "./config.js";

describe("mail delivery settings", () => {
  it("retry after a minute, doubling up to an hour, and give up after three days by default", () => {
    expect(retryPolicy(loadConfig({}))).toEqual(DEFAULT_RETRY_POLICY);
  });

  it("take the environment's values", () => {
    const config = loadConfig({
      MAIL_RETRY_MIN_SECONDS: "30",
      MAIL_RETRY_MAX_SECONDS: "600",
      MAIL_GIVE_UP_HOURS: "24",
    });
    expect(retryPolicy(config)).toEqual({ retryMinSeconds: 30, retryMaxSeconds: 600, giveUpHours: 24 });
  });

  it("refuse a longest wait shorter than the first, naming the setting", () => {
    expect(() => loadConfig({ MAIL_RETRY_MIN_SECONDS: "600", MAIL_RETRY_MAX_SECONDS: "60" })).toThrow(
      /MAIL_RETRY_MAX_SECONDS: must be at least MAIL_RETRY_MIN_SECONDS/,
    );
    expect(() => loadConfig({ MAIL_GIVE_UP_HOURS: "0" })).toThrow(/MAIL_GIVE_UP_HOURS/);
  });
});

describe("prepared statements on a server", () => {
  it("are on unless turned off, and a value other than true or false is refused by name", () => {
    expect(loadConfig({}).DATABASE_PREPARED_STATEMENTS).toBe("true");
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: "false" }).DATABASE_PREPARED_STATEMENTS).toBe("false");
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: "no" })).toThrow(
      /DATABASE_PREPARED_STATEMENTS: use true or false/,
    );
  });
});

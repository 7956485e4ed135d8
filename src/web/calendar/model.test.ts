import { describe, expect, it } from "vitest";
import { webcalUrl } from "./model";

describe("the subscribe link", () => {
  it("is the feed's address with the webcal scheme", () => {
    expect(webcalUrl("https://koers.example/calendar/abc.ics")).toBe("webcal://koers.example/calendar/abc.ics");
    expect(webcalUrl("http://127.0.0.1:3000/calendar/abc.ics")).toBe("webcal://127.0.0.1:3000/calendar/abc.ics");
  });
});

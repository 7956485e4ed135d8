import { describe, expect, it } from "vitest";
import { MASK, maskSecrets } from "./mask.js";

describe("maskSecrets", () => {
  it("hides the token of an invitation link and of a reset link", () => {
    const text =
      "Accept: http://koers.test/uitnodiging?token=abc_DEF-123\nReset: https://k.test/wachtwoord-herstellen?a=1&token=x%2By#top";
    const { text: out, masked } = maskSecrets(text);
    expect(masked).toBe(true);
    expect(out).not.toContain("abc_DEF-123");
    expect(out).not.toContain("x%2By");
    expect(out).toContain(`uitnodiging?token=${MASK}`);
    expect(out).toContain(`&token=${MASK}#top`);
  });

  it("leaves a mail without secrets as it is", () => {
    const text = "Je hebt een afspraak: http://koers.test/trajecten/1?tab=bijeenkomsten";
    expect(maskSecrets(text)).toEqual({ text, masked: false });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBsn, privacyWarnings } from "./privacy.js";

const kinds = (text: string) => privacyWarnings(text).map((w) => w.kind);

describe("privacy warnings on a case's text", () => {
  it("says nothing of a text about a situation", () => {
    const text =
      "Een student in het tweede jaar kreeg tijdens de avonddienst feedback van een collega. " +
      "Hij werd stil en deed de rest van de dienst niets meer. De werkbegeleider vroeg de volgende ochtend hoe het ging.\n" +
      "Wat had jij gedaan? Let op: 3 van de 12 bewoners kregen die avond hun medicatie te laat.";
    expect(privacyWarnings(text)).toEqual([]);
  });

  it("finds an e-mail address and a phone number, as written", () => {
    expect(privacyWarnings("Mail hem op j.devries@voorbeeld.nl of bel 06-12345678.")).toEqual([
      { kind: "email", match: "j.devries@voorbeeld.nl" },
      { kind: "phone", match: "06-12345678" },
    ]);
    expect(kinds("Bel +31 6 1234 5678 of 010 123 4567")).toEqual(["phone", "phone"]);
  });

  it("finds a BSN by the eleven test, and not any nine digits", () => {
    expect(isBsn("111222333")).toBe(true);
    expect(isBsn("123456789")).toBe(false);
    expect(privacyWarnings("BSN 111 222 333 staat in het dossier")).toEqual([{ kind: "bsn", match: "111 222 333" }]);
    expect(kinds("Ordernummer 123456789")).toEqual([]);
  });

  it("finds a full date, which may be a date of birth", () => {
    expect(kinds("Mevrouw is geboren op 12-03-1941.")).toContain("birthDate");
    expect(kinds("geb. 3 maart 1950")).toEqual(["birthDate"]);
    expect(kinds("In maart had ze het zwaar.")).toEqual([]);
  });

  it("finds a list of names and a name after a title of address", () => {
    expect(kinds("Op de groep waren Anna, Piet en Kees de Boer.")).toEqual(["nameList"]);
    expect(kinds("Aanwezig:\n- Anna Jansen\n- Piet Bakker\n- Kees de Boer")).toEqual(["nameList"]);
    expect(privacyWarnings("Ik sprak met mevrouw Jansen over haar zoon.")).toEqual([
      { kind: "nameList", match: "mevrouw Jansen" },
    ]);
    expect(kinds("De student en de collega spraken het af.")).toEqual([]);
  });

  it("finds every e-mail address however it is surrounded, and never fails on any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const text = `${before} x.y@example.org ${after}`;
        expect(privacyWarnings(text).some((w) => w.kind === "email")).toBe(true);
      }),
    );
  });
});

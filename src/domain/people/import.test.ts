import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "../roles.js";
import {
  checkImportRows,
  emailsToCheck,
  IMPORT_COLUMNS,
  importRowSchema,
  mapColumns,
  parseImportDate,
  TEMPLATE_HEADERS,
  templateCsv,
  validateImportRows,
} from "./import.js";
import { createPersonSchema } from "./schemas.js";

const HEADER = ["naam", "e-mail", "rollen", "functie", "jaren werkervaring", "dreyfus"];

describe("column mapping", () => {
  it("understands Dutch and English headers whatever their case and spacing", () => {
    const { columns, errors } = mapColumns([
      " Naam",
      "EMAIL",
      "Roles",
      "Job Title",
      "Experience years",
      "Dreyfus",
      "Geldig tot",
      "x",
    ]);
    expect(errors).toEqual([]);
    expect(columns.index).toMatchObject({
      name: 0,
      email: 1,
      roles: 2,
      jobTitle: 3,
      academicExperienceYears: 4,
      dreyfusLevel: 5,
      validUntil: 6,
    });
    expect(columns.header.name).toBe("Naam");
    expect(columns.ignored).toEqual(["x"]);
  });

  it("reads a byte-order mark as nothing", () => {
    expect(mapColumns(["\uFEFFnaam", "e-mail", "rollen"]).errors).toEqual([]);
  });

  it("names each missing required column and each duplicate one", () => {
    const { errors } = mapColumns(["naam", "name", "functie"]);
    expect(errors).toEqual([
      { code: "duplicateColumn", column: "name", params: { header: "name" } },
      { code: "missingColumn", column: "email", params: { header: "e-mail" } },
      { code: "missingColumn", column: "roles", params: { header: "rollen" } },
    ]);
  });

  it("gives a file error and no rows when a required column is missing", () => {
    const result = validateImportRows(["naam", "rollen"], [["Anna", "trainer"]]);
    expect(result.fileErrors.map((e) => [e.code, e.column])).toEqual([["missingColumn", "email"]]);
    expect(result.results).toEqual([]);
  });

  it("says so when there are no rows", () => {
    expect(validateImportRows(HEADER, [["", " "]]).fileErrors.map((e) => e.code)).toEqual(["noRows"]);
  });

  it("maps every template header to its own column", () => {
    const { columns, errors } = mapColumns(IMPORT_COLUMNS.map((c) => TEMPLATE_HEADERS[c]));
    expect(errors).toEqual([]);
    IMPORT_COLUMNS.forEach((c, i) => {
      expect(columns.index[c]).toBe(i);
    });
  });
});

describe("dates", () => {
  it("accepts YYYY-MM-DD and DD-MM-YYYY", () => {
    expect(parseImportDate("2027-03-14")).toBe("2027-03-14");
    expect(parseImportDate("14-03-2027")).toBe("2027-03-14");
    expect(parseImportDate("4-3-2027")).toBe("2027-03-04");
    expect(parseImportDate("14/03/2027")).toBe("2027-03-14");
  });
  it("refuses dates that don't exist and other shapes", () => {
    for (const text of ["2027-02-30", "31-04-2027", "03/14/2027", "2027", "morgen", "14-03-27"])
      expect(parseImportDate(text)).toBeNull();
  });
  it("refuses years outside the range every date of the API is held to", () => {
    for (const text of ["0000-01-01", "31-12-1899", "01-01-2200", "9999-12-31"])
      expect(parseImportDate(text)).toBeNull();
    expect(parseImportDate("31-12-2199")).toBe("2199-12-31");
  });
});

describe("rows", () => {
  it("parses a full row, with Dutch role words and a registration", () => {
    const result = validateImportRows(
      [...HEADER, "register", "registratietype", "registratienummer", "geldig tot", "herregistratiedatum"],
      [
        [
          "  Sanne de Boer ",
          "Sanne@Voorbeeld.NL",
          "begeleide; Werkbegeleider | bpv-docent",
          "Jeugdwerker",
          "4",
          "3",
          "skj",
          "Jeugdzorgwerker",
          "110012345",
          "31-12-2027",
          "2027-06-01",
        ],
      ],
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.results).toEqual([
      {
        row: 2,
        ok: true,
        value: {
          name: "Sanne de Boer",
          email: "sanne@voorbeeld.nl",
          roles: ["trainee", "guide", "school_contact"],
          jobTitle: "Jeugdwerker",
          academicExperienceYears: 4,
          dreyfusLevel: 3,
          registration: {
            register: "SKJ",
            registrationType: "Jeugdzorgwerker",
            number: "110012345",
            validUntil: "2027-12-31",
            reregistrationDate: "2027-06-01",
          },
        },
      },
    ]);
  });

  it("accepts the role code names and all Dutch role words", () => {
    const words =
      "beheerder,begeleide,werkbegeleider,opdrachtgever,praktijkopleider,trainer,bpv-docent,netwerkbeheerder";
    const [dutch, codes] = validateImportRows(HEADER, [
      ["A", "a@x.nl", words],
      ["B", "b@x.nl", ROLES.join("|")],
    ]).results;
    expect(dutch?.ok && dutch.value.roles).toEqual([...ROLES]);
    expect(codes?.ok && codes.value.roles).toEqual([...ROLES]);
  });

  it("names the row and column of each mistake with a code", () => {
    const result = validateImportRows(HEADER, [
      ["Anna", "anna@x.nl", "trainer"],
      ["", "geen-adres", "kapitein", "", "veel", "9"],
    ]);
    expect(result.results[0]?.ok).toBe(true);
    const bad = result.results[1];
    expect(bad?.ok).toBe(false);
    if (bad?.ok !== false) return;
    expect(bad.errors).toEqual([
      { row: 3, column: "name", code: "required", params: {} },
      { row: 3, column: "roles", code: "unknownRole", params: { value: "kapitein" } },
      { row: 3, column: "academicExperienceYears", code: "invalidNumber", params: { value: "veel" } },
      { row: 3, column: "email", code: "invalidEmail", params: {} },
      { row: 3, column: "dreyfusLevel", code: "outOfRange", params: { min: 1, max: 5 } },
    ]);
  });

  it("keeps row numbers as in the spreadsheet when blank rows are skipped", () => {
    const result = validateImportRows(HEADER, [
      ["A", "a@x.nl", "trainer"],
      ["", "", ""],
      ["B", "", "trainer"],
    ]);
    expect(result.results.map((r) => r.row)).toEqual([2, 4]);
    const last = result.results[1];
    expect(last?.ok === false && last.errors).toEqual([{ row: 4, column: "email", code: "required", params: {} }]);
  });

  it("finds a duplicate address in the file and an address already in the organisation", () => {
    const result = validateImportRows(
      HEADER,
      [
        ["A", "a@x.nl", "trainer"],
        ["A2", "A@X.nl", "trainer"],
        ["B", "b@x.nl", "trainer"],
      ],
      ["B@x.nl"],
    );
    expect(result.results.map((r) => (r.ok ? "ok" : r.errors.map((e) => `${e.column}:${e.code}`).join()))).toEqual([
      "ok",
      "email:duplicateInFile",
      "email:alreadyMember",
    ]);
    const dup = result.results[1];
    expect(dup?.ok === false && dup.errors[0]?.params).toEqual({ firstRow: 2 });
  });

  it("asks for the whole registration when part of it is given", () => {
    const result = validateImportRows(
      [...HEADER, "register", "geldig tot"],
      [["A", "a@x.nl", "trainer", "", "", "", "BIG", "1-1-2030"]],
    );
    const row = result.results[0];
    expect(row?.ok).toBe(false);
    expect(row?.ok === false && row.errors.map((e) => [e.column, e.code])).toEqual([
      ["register", "registrationIncomplete"],
    ]);
  });

  it("refuses an unknown register and a wrong date", () => {
    const result = validateImportRows(
      [...HEADER, "register", "registratietype", "registratienummer", "geldig tot"],
      [["A", "a@x.nl", "trainer", "", "", "", "XYZ", "t", "1", "30-02-2030"]],
    );
    const row = result.results[0];
    expect(row?.ok === false && row.errors.map((e) => [e.column, e.code])).toEqual([
      ["register", "unknownRegister"],
      ["validUntil", "invalidDate"],
    ]);
  });

  it("says what is too long, using the schema's limits", () => {
    const result = validateImportRows(HEADER, [["x".repeat(201), "a@x.nl", "trainer", "y".repeat(201)]]);
    const row = result.results[0];
    expect(row?.ok === false && row.errors).toEqual([
      { row: 2, column: "name", code: "tooLong", params: { max: 200 } },
      { row: 2, column: "jobTitle", code: "tooLong", params: { max: 200 } },
    ]);
  });

  it("offers only well-formed addresses for the membership check, once each", () => {
    expect(
      emailsToCheck(HEADER, [
        ["A", "A@x.nl"],
        ["B", "a@x.nl"],
        ["C", "nope"],
        ["D", ""],
      ]),
    ).toEqual(["a@x.nl"]);
  });

  it("has a template that validates without errors", () => {
    const lines = templateCsv().trim().split("\r\n");
    const header = (lines[0] ?? "").split(",");
    const cells =
      (lines[1] ?? "").match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")) ?? [];
    const result = validateImportRows(header, [cells.slice(0, header.length)]);
    expect(result.fileErrors).toEqual([]);
    expect(result.results[0]?.ok).toBe(true);
  });
});

describe("server check of a batch", () => {
  it("skips rows that break the schema, repeat an address or are already members", () => {
    const results = checkImportRows(
      [
        { name: "A", email: "a@x.nl", roles: ["trainer"] },
        { name: "B", email: "a@x.nl", roles: ["trainer"] },
        { name: "C", email: "c@x.nl", roles: [] },
        { name: "D", email: "d@x.nl", roles: ["captain"] },
        { name: "E", email: "e@x.nl", roles: ["guide"] },
        "not an object",
      ],
      new Set(["e@x.nl"]),
    );
    expect(results.map((r) => (r.ok ? "ok" : `${r.index}:${r.errors[0]?.code}`))).toEqual([
      "ok",
      "1:duplicateInFile",
      "2:required",
      "3:unknownRole",
      "4:alreadyMember",
      "5:required",
    ]);
  });
});

// Properties: the preview can be trusted for any file.

const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const emailArb = fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.nl`);
const roleArb = fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: ROLES.length });
const validRowArb = fc.record({
  name: fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,40}[A-Za-zÀ-ÿ]$/),
  email: emailArb,
  roles: roleArb,
  jobTitle: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}$/), { nil: null }),
  years: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
  dreyfus: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

describe("properties", () => {
  it("valid rows always parse, to what was written", () => {
    fc.assert(
      fc.property(fc.uniqueArray(validRowArb, { minLength: 1, maxLength: 30, selector: (r) => r.email }), (rows) => {
        const cells = rows.map((r) => [
          r.name,
          r.email,
          r.roles.join(";"),
          r.jobTitle ?? "",
          r.years?.toString() ?? "",
          r.dreyfus?.toString() ?? "",
        ]);
        const { results, fileErrors } = validateImportRows(HEADER, cells);
        expect(fileErrors).toEqual([]);
        expect(results).toHaveLength(rows.length);
        results.forEach((result, i) => {
          const source = rows[i];
          if (!result.ok || !source) throw new Error(`row ${i + 2} should be valid: ${JSON.stringify(result)}`);
          expect(createPersonSchema.parse(result.value)).toMatchObject({ email: source.email, roles: source.roles });
          expect(result.value.name).toBe(source.name.trim());
          expect(result.value.academicExperienceYears).toBe(source.years);
          expect(result.value.dreyfusLevel).toBe(source.dreyfus);
        });
      }),
    );
  });

  const cellArb = fc.oneof(
    fc.string({ maxLength: 12 }),
    emailArb,
    fc.constantFrom("", " ", "trainer", "beheerder;kapitein", "3", "-1", "99", "SKJ", "31-12-2027", "2027-02-30"),
  );
  const headerArb = fc.shuffledSubarray(
    [...HEADER, "register", "registratietype", "registratienummer", "geldig tot", "herregistratiedatum", "opmerking"],
    { minLength: 3 },
  );

  it("errors always name an existing row and a column of the file; no row is both valid and invalid", () => {
    fc.assert(
      fc.property(
        headerArb,
        fc.array(fc.array(cellArb, { maxLength: 13 }), { maxLength: 25 }),
        fc.array(emailArb, { maxLength: 3 }),
        (header, rows, existing) => {
          const { results, fileErrors, columns } = validateImportRows(header, rows, existing);
          if (fileErrors.length) {
            expect(results).toEqual([]);
            return;
          }
          const rowNumbers = results.map((r) => r.row);
          expect(new Set(rowNumbers).size).toBe(rowNumbers.length);
          for (const result of results) {
            expect(result.row).toBeGreaterThanOrEqual(2);
            expect(result.row).toBeLessThanOrEqual(rows.length + 1);
            if (result.ok) {
              expect(importRowSchema.safeParse(result.value).success).toBe(true);
              expect(existing.map((e) => e.toLowerCase())).not.toContain(result.value.email);
            } else {
              expect(result.errors.length).toBeGreaterThan(0);
              for (const error of result.errors) {
                expect(error.row).toBe(result.row);
                expect(columns.index[error.column]).toBeDefined();
              }
            }
          }
          const validEmails = results.flatMap((r) => (r.ok ? [r.value.email] : []));
          expect(new Set(validEmails).size).toBe(validEmails.length);
          const nonBlank = rows.filter((cells) => cells.some((c) => c.trim() !== "")).length;
          expect(results).toHaveLength(nonBlank);
        },
      ),
    );
  });

  it("the server accepts exactly the rows the preview accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 3, maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const preview = validateImportRows(HEADER, rows);
        const valid = preview.results.flatMap((r) => (r.ok ? [r.value] : []));
        const server = checkImportRows(JSON.parse(JSON.stringify(valid)), new Set());
        expect(server.every((r) => r.ok)).toBe(true);
      }),
    );
  });

  it("the order of the columns doesn't matter", () => {
    fc.assert(
      fc.property(
        fc.array(validRowArb, { maxLength: 10 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6 }),
        (rows, order) => {
          const cells = rows.map((r) => [
            r.name,
            r.email,
            r.roles.join(","),
            r.jobTitle ?? "",
            String(r.years ?? ""),
            String(r.dreyfus ?? ""),
          ]);
          const a = validateImportRows(HEADER, cells);
          const b = validateImportRows(
            order.map((i) => HEADER[i] as string),
            cells.map((c) => order.map((i) => c[i] as string)),
          );
          expect(b.results).toEqual(a.results);
          expect(b.fileErrors).toEqual(a.fileErrors);
        },
      ),
    );
  });
});

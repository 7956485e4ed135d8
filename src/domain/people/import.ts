import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "../dates.js";
import { ROLES, type Role } from "../roles.js";
import {
  type CreatePersonInput,
  createPersonSchema,
  REGISTERS,
  type RegistrationInput,
  registrationSchema,
} from "./schemas.js";

/**
 * Importing people from a spreadsheet. Pure: the browser runs it for the preview, the server
 * runs it again before anything is written. Errors are codes with parameters, never text, so
 * each side can say them in the reader's language.
 */

/** Most rows one file may hold; the browser previews and sends them in batches. */
export const MAX_IMPORT_FILE_ROWS = 20_000;
/** Most rows one import request may carry. */
export const MAX_IMPORT_BATCH = 500;
/** Most e-mail addresses one membership check may carry. */
export const MAX_IMPORT_CHECK = 2_000;

/** One row to import: the fields of a new person, and optionally one professional registration. */
export const importRowSchema = createPersonSchema.extend({
  registration: registrationSchema.nullable().optional(),
});
export type ImportRow = CreatePersonInput & { registration?: RegistrationInput | null };

export const IMPORT_COLUMNS = [
  "name",
  "email",
  "roles",
  "jobTitle",
  "academicExperienceYears",
  "dreyfusLevel",
  "register",
  "registrationType",
  "registrationNumber",
  "validUntil",
  "reregistrationDate",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["name", "email", "roles"];
const REGISTRATION_COLUMNS: readonly ImportColumn[] = [
  "register",
  "registrationType",
  "registrationNumber",
  "validUntil",
  "reregistrationDate",
];

/** The headers of the template file, in this order. */
export const TEMPLATE_HEADERS: Record<ImportColumn, string> = {
  name: "naam",
  email: "e-mail",
  roles: "rollen",
  jobTitle: "functie",
  academicExperienceYears: "jaren werkervaring",
  dreyfusLevel: "dreyfus",
  register: "register",
  registrationType: "registratietype",
  registrationNumber: "registratienummer",
  validUntil: "geldig tot",
  reregistrationDate: "herregistratiedatum",
};

/** Header spellings understood per column, Dutch and English; compared after `headerKey`. */
const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
  name: ["naam", "name", "volledige naam", "full name"],
  email: ["e-mail", "email", "e-mailadres", "emailadres", "email address", "e-mail address"],
  roles: ["rollen", "rol", "roles", "role"],
  jobTitle: ["functie", "functietitel", "job title", "jobtitle", "title"],
  academicExperienceYears: [
    "jaren werkervaring",
    "werkervaring",
    "werkervaring (jaren)",
    "experience years",
    "years of experience",
    "experience",
    "academic experience years",
  ],
  dreyfusLevel: ["dreyfus", "dreyfus-niveau", "dreyfusniveau", "dreyfus level", "dreyfuslevel"],
  register: ["register"],
  registrationType: ["registratietype", "registratiesoort", "registration type"],
  registrationNumber: ["registratienummer", "registration number", "registrationnumber"],
  validUntil: ["geldig tot", "valid until", "validuntil"],
  reregistrationDate: ["herregistratiedatum", "herregistratie", "reregistration date", "re-registration date"],
};

/** Case, spaces, hyphens, underscores and brackets don't matter in headers or role words. */
export const headerKey = (value: string) =>
  value
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s\-_.()]+/g, "");

const HEADER_LOOKUP = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [headerKey(alias), column] as const)),
);

/** Role words, Dutch and English, and the code names themselves. */
const ROLE_ALIASES: Record<Role, readonly string[]> = {
  admin: ["beheerder", "organisatiebeheerder", "administrator", "admin"],
  trainee: ["begeleide", "deelnemer", "trainee"],
  guide: ["werkbegeleider", "begeleider", "supervisor", "adviseur", "work supervisor", "guide"],
  client: ["opdrachtgever", "leidinggevende", "commissioning manager", "client"],
  training_officer: ["praktijkopleider", "opleidingsadviseur", "training officer", "training_officer"],
  trainer: ["trainer"],
  school_contact: ["bpv-docent", "bpv docent", "school placement tutor", "school contact", "school_contact"],
  network_coordinator: ["netwerkbeheerder", "netwerkcoördinator", "network coordinator", "network_coordinator"],
};
const ROLE_LOOKUP = new Map<string, Role>(
  ROLES.flatMap((role) => ROLE_ALIASES[role].map((alias) => [headerKey(alias), role] as const)),
);

const REGISTER_LOOKUP = new Map<string, (typeof REGISTERS)[number]>([
  ...REGISTERS.map((r) => [headerKey(r), r] as const),
  ["overig", "Other"],
  ["anders", "Other"],
  ["ander", "Other"],
]);

export const IMPORT_ERROR_CODES = [
  "required",
  "invalidEmail",
  "tooLong",
  "unknownRole",
  "invalidNumber",
  "outOfRange",
  "invalidDate",
  "unknownRegister",
  "registrationIncomplete",
  "duplicateInFile",
  "alreadyMember",
  "invalid",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
export type ImportParams = Record<string, string | number>;

/** A problem with one cell. `row` is the spreadsheet row: the header is row 1, the first data row 2. */
export interface ImportError {
  row: number;
  column: ImportColumn;
  code: ImportErrorCode;
  params: ImportParams;
}

export const FILE_ERROR_CODES = ["missingColumn", "duplicateColumn", "noRows", "tooManyRows"] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
/** A problem with the file as a whole: nothing is imported until it is fixed. */
export interface FileError {
  code: FileErrorCode;
  column?: ImportColumn;
  params: ImportParams;
}

export type RowResult = { row: number; ok: true; value: ImportRow } | { row: number; ok: false; errors: ImportError[] };

export interface ColumnMapping {
  /** Where each recognised column is in the file. */
  index: Partial<Record<ImportColumn, number>>;
  /** The header as written in the file, to name the column back to the user. */
  header: Partial<Record<ImportColumn, string>>;
  /** Headers not recognised; their cells are ignored. */
  ignored: string[];
}

export interface ImportValidation {
  columns: ColumnMapping;
  fileErrors: FileError[];
  /** One per non-blank data row, in file order. Empty when the file has errors. */
  results: RowResult[];
}

export function mapColumns(header: readonly string[]): { columns: ColumnMapping; errors: FileError[] } {
  const columns: ColumnMapping = { index: {}, header: {}, ignored: [] };
  const errors: FileError[] = [];
  header.forEach((raw, i) => {
    const text = raw.replace(/^\uFEFF/, "").trim();
    const column = HEADER_LOOKUP.get(headerKey(text));
    if (!column) {
      if (text) columns.ignored.push(text);
      return;
    }
    if (columns.index[column] !== undefined) {
      if (!errors.some((e) => e.code === "duplicateColumn" && e.column === column))
        errors.push({ code: "duplicateColumn", column, params: { header: text } });
      return;
    }
    columns.index[column] = i;
    columns.header[column] = text;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (columns.index[column] === undefined)
      errors.push({ code: "missingColumn", column, params: { header: TEMPLATE_HEADERS[column] } });
  }
  return { columns, errors };
}

/**
 * YYYY-MM-DD, or DD-MM-YYYY (also with / or .), as an ISO date; null when it is no real date or
 * outside the years every date of the API is held to (see `dateSchema`).
 */
export function parseImportDate(value: string): string | null {
  const text = value.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < FIRST_YEAR ||
    y > LAST_YEAR ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export const splitRoles = (value: string) =>
  value
    .split(/[;,|]/)
    .map((w) => w.trim())
    .filter(Boolean);

type CellError = { column: ImportColumn; code: ImportErrorCode; params: ImportParams };

const FIELD_COLUMNS: Record<string, ImportColumn> = {
  name: "name",
  email: "email",
  roles: "roles",
  jobTitle: "jobTitle",
  academicExperienceYears: "academicExperienceYears",
  dreyfusLevel: "dreyfusLevel",
  register: "register",
  registrationType: "registrationType",
  number: "registrationNumber",
  validUntil: "validUntil",
  reregistrationDate: "reregistrationDate",
};

/** Zod's verdict on a row, as import codes; the schema stays the one source of the rules. */
function issuesToErrors(issues: readonly z.core.$ZodIssue[]): CellError[] {
  const errors: CellError[] = [];
  for (const issue of issues) {
    const field = issue.path[0] === "registration" ? issue.path[1] : issue.path[0];
    const column =
      (typeof field === "string" ? FIELD_COLUMNS[field] : undefined) ??
      (issue.path[0] === "registration" ? "register" : "name");
    if (errors.some((e) => e.column === column)) continue;
    let code: ImportErrorCode = "invalid";
    const params: ImportParams = {};
    if (issue.code === "invalid_format")
      code =
        column === "email"
          ? "invalidEmail"
          : column.endsWith("Date") || column === "validUntil"
            ? "invalidDate"
            : "invalid";
    else if (issue.code === "too_big") {
      if (issue.origin === "string") {
        code = "tooLong";
        params.max = Number(issue.maximum);
      } else if (issue.origin === "number") {
        code = "outOfRange";
      }
    } else if (issue.code === "too_small") {
      if (issue.origin === "string" || issue.origin === "array") code = "required";
      else if (issue.origin === "number") code = "outOfRange";
    } else if (issue.code === "invalid_value")
      code = column === "register" ? "unknownRegister" : column === "roles" ? "unknownRole" : "invalid";
    else if (issue.code === "invalid_type")
      code = issue.input === undefined || issue.input === null ? "required" : "invalid";
    if (code === "outOfRange") {
      const range = column === "dreyfusLevel" ? { min: 1, max: 5 } : { min: 0, max: 70 };
      Object.assign(params, range);
    }
    errors.push({ column, code, params });
  }
  return errors;
}

/** Checks one row object (as sent to the API) against the person schema. */
export function checkImportRow(input: unknown): { ok: true; value: ImportRow } | { ok: false; errors: CellError[] } {
  const parsed = importRowSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = issuesToErrors(parsed.error.issues);
  return { ok: false, errors: errors.length ? errors : [{ column: "name", code: "invalid", params: {} }] };
}

const emailOf = (input: unknown) => {
  const email = (input as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : null;
};

/**
 * Adds the checks across rows: an e-mail address used twice in the batch (the first one wins)
 * or already a member of the organisation. `existingEmails` are lower case.
 */
function crossCheck(
  results: Array<{ ok: true; value: ImportRow } | { ok: false; errors: CellError[] }>,
  emails: Array<string | null>,
  rowNumbers: number[],
  existingEmails: ReadonlySet<string>,
) {
  const firstRow = new Map<string, number>();
  return results.map((result, i) => {
    const email = result.ok ? result.value.email : emails[i];
    if (!email) return result;
    const errors: CellError[] = [];
    const seen = firstRow.get(email);
    if (existingEmails.has(email)) errors.push({ column: "email", code: "alreadyMember", params: {} });
    else if (seen !== undefined) errors.push({ column: "email", code: "duplicateInFile", params: { firstRow: seen } });
    else firstRow.set(email, rowNumbers[i] as number);
    if (!errors.length) return result;
    if (result.ok) return { ok: false as const, errors };
    const hasEmailError = result.errors.some((e) => e.column === "email");
    return hasEmailError ? result : { ok: false as const, errors: [...result.errors, ...errors] };
  });
}

/**
 * The server's check of one batch: each row against the schema, duplicates within the batch,
 * addresses already in the organisation. Indexes are positions in `rows`.
 */
export function checkImportRows(rows: readonly unknown[], existingEmails: ReadonlySet<string>) {
  const results = crossCheck(
    rows.map(checkImportRow),
    rows.map(emailOf),
    rows.map((_, i) => i),
    existingEmails,
  );
  return results.map((result, index) => ({ index, ...result }));
}

const cellOf = (cells: readonly string[], index: number | undefined) =>
  index === undefined ? "" : (cells[index] ?? "").trim();

/** Turns the cells of one row into a row object, with the errors only the spreadsheet form can have. */
function readCells(
  cells: readonly string[],
  columns: ColumnMapping,
): { candidate: Record<string, unknown>; errors: CellError[] } {
  const get = (column: ImportColumn) => cellOf(cells, columns.index[column]);
  const errors: CellError[] = [];
  const candidate: Record<string, unknown> = {};

  const name = get("name");
  if (!name) errors.push({ column: "name", code: "required", params: {} });
  candidate.name = name;

  const email = get("email").toLowerCase();
  if (!email) errors.push({ column: "email", code: "required", params: {} });
  candidate.email = email;

  const roleWords = splitRoles(get("roles"));
  const roles: Role[] = [];
  if (!roleWords.length) errors.push({ column: "roles", code: "required", params: {} });
  for (const word of roleWords) {
    const role = ROLE_LOOKUP.get(headerKey(word));
    if (!role) {
      if (!errors.some((e) => e.column === "roles"))
        errors.push({ column: "roles", code: "unknownRole", params: { value: word } });
    } else if (!roles.includes(role)) roles.push(role);
  }
  candidate.roles = roles;

  const jobTitle = get("jobTitle");
  candidate.jobTitle = jobTitle || null;

  const whole = (column: "academicExperienceYears" | "dreyfusLevel") => {
    const text = get(column);
    if (!text) return null;
    if (!/^\d{1,4}$/.test(text)) {
      errors.push({ column, code: "invalidNumber", params: { value: text } });
      return null;
    }
    return Number(text);
  };
  candidate.academicExperienceYears = whole("academicExperienceYears");
  candidate.dreyfusLevel = whole("dreyfusLevel");

  if (REGISTRATION_COLUMNS.some((column) => get(column) !== "")) {
    const registration: Record<string, unknown> = {};
    const registerText = get("register");
    if (!registerText) errors.push({ column: "register", code: "registrationIncomplete", params: {} });
    else {
      const register = REGISTER_LOOKUP.get(headerKey(registerText));
      if (!register) errors.push({ column: "register", code: "unknownRegister", params: { value: registerText } });
      registration.register = register ?? registerText;
    }
    for (const [column, field] of [
      ["registrationType", "registrationType"],
      ["registrationNumber", "number"],
    ] as const) {
      const text = get(column);
      if (!text) errors.push({ column, code: "registrationIncomplete", params: {} });
      registration[field] = text;
    }
    for (const column of ["validUntil", "reregistrationDate"] as const) {
      const text = get(column);
      if (!text) registration[column] = null;
      else {
        const iso = parseImportDate(text);
        if (!iso) errors.push({ column, code: "invalidDate", params: { value: text } });
        registration[column] = iso;
      }
    }
    candidate.registration = registration;
  } else candidate.registration = null;

  return { candidate, errors };
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => (cell ?? "").trim() === "");

/**
 * Validates a whole spreadsheet: `header` is its first row, `rows` the rest (blank rows are
 * skipped but keep their number). Every non-blank row comes back exactly once, either as a
 * person to create or with the errors that keep it out.
 */
export function validateImportRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  existingEmails: Iterable<string> = [],
): ImportValidation {
  const { columns, errors: fileErrors } = mapColumns(header);
  const filled = rows.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => !isBlank(cells));
  if (!filled.length) fileErrors.push({ code: "noRows", params: {} });
  if (filled.length > MAX_IMPORT_FILE_ROWS)
    fileErrors.push({ code: "tooManyRows", params: { max: MAX_IMPORT_FILE_ROWS, count: filled.length } });
  if (fileErrors.length) return { columns, fileErrors, results: [] };

  const existing = new Set([...existingEmails].map((e) => e.trim().toLowerCase()));
  const read = filled.map(({ cells }) => readCells(cells, columns));
  const checked = read.map(({ candidate, errors }) => {
    const schema = checkImportRow(candidate);
    if (!errors.length) return schema;
    // The spreadsheet's own message is the clearer one; the schema adds what it alone sees.
    const more = schema.ok ? [] : schema.errors.filter((e) => !errors.some((own) => own.column === e.column));
    return { ok: false as const, errors: [...errors, ...more] };
  });
  const rowNumbers = filled.map(({ row }) => row);
  const crossed = crossCheck(
    checked,
    read.map(({ candidate }) => (typeof candidate.email === "string" && candidate.email ? candidate.email : null)),
    rowNumbers,
    existing,
  );
  const results: RowResult[] = crossed.map((result, i) => {
    const row = rowNumbers[i] as number;
    if (result.ok) return { row, ok: true, value: result.value };
    const placed = result.errors.map((e) => ({ row, ...placeColumn(e, columns) }));
    // One word per problem: two missing registration columns are one message at the nearest column.
    const errors = placed.filter((e, j) => placed.findIndex((o) => o.column === e.column && o.code === e.code) === j);
    return { row, ok: false, errors };
  });
  return { columns, fileErrors, results };
}

/** An error about a column the file doesn't have is told at the nearest one it does. */
function placeColumn(error: CellError, columns: ColumnMapping): CellError {
  if (columns.index[error.column] !== undefined) return error;
  const fallback = REGISTRATION_COLUMNS.includes(error.column)
    ? REGISTRATION_COLUMNS.find((c) => columns.index[c] !== undefined)
    : undefined;
  return { ...error, column: fallback ?? "name" };
}

/** The e-mail addresses worth asking the server about: well-formed ones, once each. */
export function emailsToCheck(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const { columns } = mapColumns(header);
  const index = columns.index.email;
  if (index === undefined) return [];
  const emails = new Set<string>();
  for (const cells of rows) {
    const email = cellOf(cells, index).toLowerCase();
    if (email && z.email().safeParse(email).success) emails.add(email);
  }
  return [...emails];
}

/** The template: Dutch headers and one example row. */
export function templateCsv(): string {
  const header = IMPORT_COLUMNS.map((c) => TEMPLATE_HEADERS[c]);
  const example = [
    "Sanne de Boer",
    "sanne.deboer@voorbeeld.nl",
    "begeleide | werkbegeleider",
    "Jeugdprofessional",
    "4",
    "3",
    "SKJ",
    "Jeugdzorgwerker",
    "110012345",
    "31-12-2027",
    "",
  ];
  return `${header.join(",")}\r\n${example.map((c) => (/[",;\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\r\n`;
}

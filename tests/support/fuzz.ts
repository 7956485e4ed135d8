import { createHash } from "node:crypto";
import fc from "fast-check";

/**
 * Bad requests for every operation of an OpenAPI document: wrong types, huge and strange
 * strings, missing and unknown fields, numbers out of range, malformed JSON, wrong content
 * types and oversized uploads. Everything is derived from the document, so a new route is
 * fuzzed without a change here; fast-check with a fixed seed makes every run the same.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  /** The first and last value of a date or date-time (the range the API holds its dates to). */
  formatMinimum?: string;
  formatMaximum?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "POST /api/v1/people/:personId/registrations": the route as the app names it. */
  id: string;
  method: string;
  route: string;
  pathParams: string[];
  query: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  body?: { contentType: string; schema: JsonSchema; required: boolean };
}

type OpenApiDoc = {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

function resolve<T>(doc: OpenApiDoc, value: T, seen = new Set<string>()): T {
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, seen)) as T;
  if (!value || typeof value !== "object") return value;
  const ref = (value as { $ref?: string }).$ref;
  if (ref?.startsWith("#/components/schemas/")) {
    if (seen.has(ref)) return {} as T;
    const target = doc.components?.schemas?.[ref.slice("#/components/schemas/".length)];
    return resolve(doc, target as T, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(doc, v, seen)])) as T;
}

/** Every operation under the prefix, with references resolved. */
export function operationsOf(doc: OpenApiDoc, prefix = "/api/v1/"): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith(prefix)) continue;
    for (const [method, raw] of Object.entries(methods)) {
      const operation = resolve(doc, raw);
      const route = path.replace(/\{(\w+)\}/g, ":$1");
      const parameters = operation.parameters ?? [];
      const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      operations.push({
        id: `${method.toUpperCase()} ${route}`,
        method: method.toUpperCase(),
        route,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        query: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema })),
        ...(contentType && media
          ? {
              body: {
                contentType,
                schema: media.schema,
                required: Boolean((operation.requestBody as { required?: boolean }).required),
              },
            }
          : {}),
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------------------------------------
// A small JSON Schema check, for the subset the API document uses. It decides which bad requests
// the API must refuse; where it cannot tell (a format without a pattern), it says "conforms",
// so the fuzzer then only demands "no 5xx".

const FIXTURE_MARK = "@@fixture:";

const jsonType = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;

export function conforms(schema: JsonSchema, value: unknown): boolean {
  if (schema.anyOf && !schema.anyOf.some((s) => conforms(s, value))) return false;
  if (schema.oneOf && !schema.oneOf.some((s) => conforms(s, value))) return false;
  if (schema.allOf && !schema.allOf.every((s) => conforms(s, value))) return false;
  if (schema.enum && !schema.enum.some((e) => e === value)) return false;
  if ("const" in schema && schema.const !== value) return false;
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = jsonType(value);
    if (!types.some((t) => t === actual || (t === "number" && actual === "integer"))) return false;
  }
  if (typeof value === "string") {
    if (schema.format === "binary" || value.startsWith(FIXTURE_MARK)) return true;
    if (schema.minLength !== undefined && value.length < schema.minLength) return false;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) return false;
    if (!withinFormatRange(schema, value)) return false;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return false;
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return false;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    if (schema.items && !value.every((item) => conforms(schema.items as JsonSchema, item))) return false;
  }
  if (jsonType(value) === "object" && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) return false;
    for (const [name, sub] of Object.entries(schema.properties))
      if (name in object && !conforms(sub, object[name])) return false;
    if (schema.additionalProperties === false && Object.keys(object).some((k) => !(k in (schema.properties ?? {}))))
      return false;
  }
  return true;
}

/** A date compares as text (four-digit years), a date-time as the moment it names, offset applied. */
function withinFormatRange(schema: JsonSchema, value: string): boolean {
  const { formatMinimum: min, formatMaximum: max } = schema;
  if (schema.format === "date") return (!min || value >= min) && (!max || value <= max);
  if (schema.format === "date-time") {
    const at = Date.parse(value);
    if (!Number.isFinite(at)) return false;
    return (!min || at >= Date.parse(min)) && (!max || at <= Date.parse(max));
  }
  return true;
}

/** A query value as the server reads it: numbers coerced the way Zod's coerce does. */
function queryConforms(schema: JsonSchema, raw: string | string[] | undefined): boolean {
  if (raw === undefined) return true;
  if (Array.isArray(raw)) return false;
  const types = typesOf(schema);
  if (types.has("integer") || types.has("number")) return conforms(schema, Number(raw));
  return conforms(schema, raw);
}

function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const s of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (s.type) for (const t of Array.isArray(s.type) ? s.type : [s.type]) out.add(t);
    for (const e of s.enum ?? []) out.add(jsonType(e));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid values, so one bad field at a time reaches validation while the rest is fine.

/** A placeholder replaced by a real id when the request is sent (ids can change between requests). */
export const fixtureMark = (name: string) => `${FIXTURE_MARK}${name}@@`;
export const fillFixtures = (text: string, ids: Record<string, string>) =>
  text.replace(/@@fixture:(\w+)@@/g, (_, name: string) => ids[name] ?? `no-fixture-for-${name}`);

function nonNull(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return branches.find((b) => b.type !== "null") ?? branches[0] ?? {};
}

const LETTERS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];

export function validValue(
  schema: JsonSchema,
  name: string | undefined,
  fixtures: ReadonlySet<string>,
): fc.Arbitrary<unknown> {
  if (name && fixtures.has(name) && typesOf(schema).has("string")) return fc.constant(fixtureMark(name));
  if (schema.default !== undefined) return fc.constant(schema.default);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.anyOf || schema.oneOf) return validValue(nonNull(schema), name, fixtures);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      if (schema.format === "uuid") return fc.uuid({ version: 4 });
      if (schema.format === "email") return fc.nat(1_000_000).map((n) => `fuzz.${n}@voorbeeld.example`);
      if (schema.format === "date")
        return fc
          .integer({ min: 0, max: 365 * 50 })
          .map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10));
      if (schema.format === "date-time")
        return fc.integer({ min: 0, max: 365 * 50 }).map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString());
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 24, 24));
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ unit: fc.constantFrom(...LETTERS), minLength: Math.max(min, 1), maxLength: Math.max(max, 1) });
    }
    case "integer":
    case "number": {
      const low =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : 0);
      const high = Math.min(
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? Math.ceil(schema.exclusiveMaximum) - 1 : low + 20),
        low + 20,
      );
      return fc.integer({ min: Math.max(low, Number.MIN_SAFE_INTEGER), max: Math.max(high, low) });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const min = schema.minItems ?? 0;
      const max = Math.max(min, Math.min(schema.maxItems ?? min + 2, min + 2));
      return fc.array(validValue(schema.items ?? {}, undefined, fixtures), { minLength: min, maxLength: max });
    }
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(properties.map(([key, sub]) => [key, validValue(sub, key, fixtures)])), {
        requiredKeys: schema.required ?? [],
      });
    }
    default:
      return fc.constant("waarde");
  }
}

// ---------------------------------------------------------------------------------------------
// Bad values

/** Strings that have broken software before: direction overrides, emoji, NUL, lone surrogates, injection. */
export const NASTY_STRINGS = [
  "\u202Eevil\u202C", // right-to-left override
  "שלום עולם مرحبا", // Hebrew and Arabic
  "👩‍👩‍👧‍👦🏳️‍🌈", // emoji with joiners
  "a\u0000b", // NUL inside
  "\u0000",
  "\uD800", // lone high surrogate
  "x\uDC00y", // lone low surrogate
  "\u200B\u200D\uFEFF", // zero-width characters and a byte-order mark
  "e\u0301\u0301\u0301\u0301", // stacked combining accents
  "Ĳsselmeer ĳ Fatima Yılmaz", // Dutch digraph, Turkish dotless i
  "𝕳𝖊𝖑𝖑𝖔", // outside the basic plane
  "line\r\nSet-Cookie: koers_session=x", // header injection
  "'; drop table users; --",
  "<script>alert(1)</script>",
  "%00%2e%2e%2f",
  "   ",
  "",
];

const WRONG_TYPES: unknown[] = [12345, 1.5, true, null, "tekst", [], [1, 2], {}, { a: 1 }];

const NUMBERS = [
  -1,
  0,
  0.5,
  -0.5,
  2 ** 31, // one over PostgreSQL's integer
  -(2 ** 31) - 1,
  2 ** 53, // one over JavaScript's safe integers
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const MEGABYTE = "x".repeat(1024 * 1024);

/**
 * Dates at and past the ends of what a database holds: year 0000 (PostgreSQL has none), year
 * 9999, and offsets that roll a moment into another year, past 9999 or out of the API's range.
 */
export const DATE_EDGES: Record<"date" | "date-time", string[]> = {
  date: ["0000-01-01", "0001-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "9999-12-31"],
  "date-time": [
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "1900-01-01T00:30:00+01:00",
    "1900-01-01T00:00:00Z",
    "2199-12-31T23:59:59Z",
    "2199-12-31T23:30:00-05:00",
    "9999-12-31T23:00:00-05:00",
    "9999-12-31T23:59:59Z",
  ],
};

const dateEdgesFor = (schema: JsonSchema): string[] => {
  const format = nonNull(schema).format;
  return format === "date" || format === "date-time" ? DATE_EDGES[format] : [];
};

interface Target {
  path: Array<string | number>;
  schema: JsonSchema;
}

/** Every place in a value the schema describes: properties, and the first item of arrays, all the way down. */
function targets(schema: JsonSchema, path: Array<string | number> = []): Target[] {
  const here = nonNull(schema);
  const out: Target[] = path.length ? [{ path, schema }] : [];
  if (here.type === "object" || here.properties)
    for (const [key, sub] of Object.entries(here.properties ?? {})) out.push(...targets(sub, [...path, key]));
  if (here.type === "array" && here.items) out.push(...targets(here.items, [...path, 0]));
  return out;
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown | typeof REMOVE): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (typeof head !== "number" || head >= copy.length) return value;
    if (!rest.length && replacement === REMOVE) copy.splice(head, 1);
    else copy[head] = setAt(copy[head], rest, replacement);
    return copy;
  }
  if (value && typeof value === "object") {
    const copy = { ...(value as Record<string, unknown>) };
    if (!rest.length && replacement === REMOVE) delete copy[head];
    else copy[head] = setAt(copy[head] ?? (typeof rest[0] === "number" ? [] : {}), rest, replacement);
    return copy;
  }
  return value;
}
const REMOVE = Symbol("remove");

/** The JSON parser refuses `__proto__` and `constructor` keys as a whole (400): those are tried on their own. */
const withoutPrototypeKeys = (value: unknown) => !/"(__proto__|constructor)"\s*:/.test(JSON.stringify(value));

/** Kinds of bad value for one place; each mixes known troublemakers with random ones. */
function badValues(schema: JsonSchema): fc.Arbitrary<{ label: string; value: unknown }>[] {
  const types = typesOf(schema);
  const here = nonNull(schema);
  const out: fc.Arbitrary<{ label: string; value: unknown }>[] = [
    fc
      .oneof(fc.constantFrom(...WRONG_TYPES), fc.jsonValue({ maxDepth: 2 }).filter(withoutPrototypeKeys))
      .map((value) => ({ label: "wrong type", value })),
  ];
  if (types.has("string")) {
    out.push(
      fc
        .oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: "binary", maxLength: 40 }))
        .map((value) => ({ label: "strange text", value })),
    );
    out.push(fc.constant({ label: "1 MB of text", value: MEGABYTE }));
    if (here.maxLength !== undefined)
      out.push(fc.constant({ label: "one character too long", value: "y".repeat(here.maxLength + 1) }));
  }
  if (types.has("integer") || types.has("number")) {
    const edges = [here.minimum, here.maximum, here.exclusiveMinimum, here.exclusiveMaximum].filter(
      (n): n is number => n !== undefined,
    );
    const near = edges.flatMap((n) => [n - 1, n + 1]);
    out.push(
      fc
        .oneof(fc.constantFrom(...NUMBERS, ...near), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer())
        .map((value) => ({ label: "number out of range", value })),
    );
  }
  if (types.has("array")) {
    out.push(fc.constant({ label: "empty list", value: [] }));
    if (here.maxItems !== undefined)
      out.push(
        fc.constant({ label: "one item too many", value: Array.from({ length: here.maxItems + 1 }, () => "z") }),
      );
    out.push(fc.constant({ label: "10,000 items", value: Array.from({ length: 10_000 }, (_, i) => i) }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface FuzzRequest {
  method: string;
  /** With fixture marks; filled in just before sending. */
  url: string;
  headers: Record<string, string>;
  payload?: string | FormData;
}

export interface FuzzCase {
  /** Which part of the request is bad: path, query, body, ... */
  kind: Kind;
  /** What is wrong, for the failure message: `body roles: wrong type ("tekst")`. */
  what: string;
  /** Built only when the case is sent: some payloads are megabytes. */
  make(): {
    request: FuzzRequest;
    /** The request breaks the API document, so the API must refuse it. */
    mustRefuse: boolean;
    /** A validation failure must name this field in its `errors` map. */
    field?: string;
    /** An id that cannot be the requester's: nothing but 404 will do. */
    notFound?: boolean;
  };
}

/**
 * Kinds of bad input: how many of each an operation gets per round relative to the others, and
 * at most in all (the ones that succeed, or send megabytes, cost the most time).
 */
const KINDS = {
  "body field": { weight: 4, max: 100 },
  "body missing field": { weight: 2, max: 100 },
  query: { weight: 3, max: 100 },
  path: { weight: 1, max: 100 },
  upload: { weight: 2, max: 100 },
  "body as a whole": { weight: 1, max: 3 },
  /** Sent in full whatever the budget (see casesFor): a handful per date field. */
  "date edge": { weight: 2, max: 100 },
  "malformed JSON": { weight: 1, max: 3 },
  "content type": { weight: 1, max: 3 },
  "unknown fields": { weight: 1, max: 1 },
  "too large": { weight: 1, max: 1 },
  header: { weight: 1, max: 1 },
} as const;
type Kind = keyof typeof KINDS;

const describeValue = (value: unknown) => {
  const text =
    typeof value === "string"
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value)
      : JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

function seedFor(base: number, ...parts: string[]) {
  return base ^ createHash("sha256").update(parts.join("|")).digest().readInt32BE(0);
}

/** `runs` values of an arbitrary, the same ones every time for the same seed and names. */
function sample<T>(arb: fc.Arbitrary<T>, seed: number, runs: number, ...names: string[]): T[] {
  return fc.sample(arb, { seed: seedFor(seed, ...names), numRuns: runs });
}

/** What the server parses: JSON drops undefined, turns -0 into 0 and Infinity into null. */
const asSent = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? "null");

/** Percent-encodes any string, lone surrogates too (as UTF-8 does: U+FFFD), where encodeURIComponent throws. */
const encodeAny = (value: string) =>
  [...Buffer.from(value, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");

const queryString = (pairs: Array<[string, string]>) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&");

/** A tiny PNG: what an upload field most likely wants. */
export const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

interface Part {
  name: string;
  file?: { bytes: Uint8Array; filename: string; type: string };
  text?: string;
}

function formOf(parts: Part[]): FormData {
  const form = new FormData();
  for (const part of parts) {
    if (part.file)
      form.append(part.name, new Blob([new Uint8Array(part.file.bytes)], { type: part.file.type }), part.file.filename);
    else form.append(part.name, part.text ?? "");
  }
  return form;
}

/** A file of `size` bytes that starts like a PNG. */
const bigFile = (size: number) => {
  const bytes = Buffer.alloc(size, 7);
  TINY_PNG.copy(bytes, 0, 0, 8);
  return bytes;
};

export interface CaseOptions {
  seed: number;
  /** At most this many cases per operation, spread over the kinds of bad input by their weight. */
  budget: number;
  /** Names of path parameters (and body fields of the same name) filled with real ids. */
  fixtures: ReadonlySet<string>;
}

/** A valid request for the operation, with fixture marks for ids, and the means to vary it. */
function baseline(op: Operation, seed: number, fixtures: ReadonlySet<string>) {
  const path = op.route.replace(/:(\w+)/g, (_, name: string) => fixtureMark(name));

  const queryArb = fc.tuple(
    ...op.query.map((p) => {
      const pair = validValue(p.schema, p.name, fixtures).map((v) => [p.name, String(v)] as [string, string]);
      return p.required ? pair : fc.option(pair, { nil: undefined });
    }),
  );
  const baseQuery = (sample(queryArb, seed, 1, op.id, "query")[0] ?? []).filter(
    (p): p is [string, string] => p !== undefined,
  );
  const urlWith = (pairs: Array<[string, string]>, rawPath = path) =>
    pairs.length ? `${rawPath}?${queryString(pairs.map(([k, v]) => [k, encodeAny(v)]))}` : rawPath;
  const baseUrl = urlWith(baseQuery);

  const json = op.body?.contentType === "application/json" ? op.body : undefined;
  const multipart = op.body?.contentType === "multipart/form-data" ? op.body : undefined;
  // The first of a few drawn bodies that conforms (a pattern can defeat the generator now and then).
  const drawn = json ? sample(validValue(json.schema, undefined, fixtures), seed, 20, op.id, "body") : [];
  const baseBody = json ? (drawn.find((v) => conforms(json.schema, v)) ?? drawn[0]) : undefined;
  const jsonRequest = (body: unknown, url = baseUrl): FuzzRequest => ({
    method: op.method,
    url,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
  });
  const formFields = Object.entries(multipart?.schema.properties ?? {});
  const baseParts: Part[] = formFields.map(([name, s]) =>
    s.format === "binary"
      ? { name, file: { bytes: TINY_PNG, filename: "bestand.png", type: "image/png" } }
      : { name, text: "waarde" },
  );
  const baseRequest = (url = baseUrl): FuzzRequest =>
    json
      ? jsonRequest(baseBody, url)
      : multipart
        ? { method: op.method, url, headers: {}, payload: formOf(baseParts) }
        : { method: op.method, url, headers: {} };
  return { path, baseQuery, urlWith, baseUrl, json, multipart, baseBody, jsonRequest, formFields, baseRequest };
}

/** A request the API document calls valid, with fixture marks for ids: the same one for the same seed. */
export function validRequest(op: Operation, seed: number, fixtures: ReadonlySet<string>): FuzzRequest {
  return baseline(op, seed, fixtures).baseRequest();
}

/** Every bad request this generator knows for one operation, not yet built. */
export function allCases(op: Operation, seed: number, fixtures: ReadonlySet<string>): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (kind: Kind, what: string, make: FuzzCase["make"]) => cases.push({ kind, what, make });
  const { baseQuery, urlWith, baseUrl, json, multipart, baseBody, jsonRequest, formFields, baseRequest } = baseline(
    op,
    seed,
    fixtures,
  );
  const withBody = op.method !== "GET" && op.method !== "HEAD";

  // Path parameters: anything but one of the requester's ids is a 404.
  for (const name of op.pathParams) {
    const notIds = ["niet-een-id", "00000000-0000-4000-8000-000000000000", "1", "%00", "..%2F..%2Fadmin"];
    // A path that does not decode, or is longer than the router takes, is a 400 or 414 instead.
    const unreadable = ["%ED%A0%80", "x".repeat(2000)];
    for (const value of [...notIds, ...unreadable]) {
      const rawPath = op.route.replace(/:(\w+)/g, (_, n: string) => (n === name ? value : fixtureMark(n)));
      add("path", `path ${name} = ${describeValue(value)}`, () => ({
        request: baseRequest(urlWith(baseQuery, rawPath)),
        mustRefuse: true,
        notFound: notIds.includes(value),
      }));
    }
  }

  // Query parameters, one at a time.
  for (const param of op.query) {
    const others = baseQuery.filter(([k]) => k !== param.name);
    const values = [
      ...["abc", "1.5", "-1", "0", "", "1e400", "99999999999999999999", "0x10", " 7 ", "١٢"],
      "y".repeat((param.schema.maxLength ?? 100) + 1),
      "z".repeat(64 * 1024),
      ...NASTY_STRINGS,
      ...sample(fc.string({ unit: "binary", maxLength: 30 }), seed, 3, op.id, param.name, "query"),
    ];
    for (const value of values)
      add("query", `query ${param.name} = ${describeValue(value)}`, () => ({
        request: baseRequest(urlWith([...others, [param.name, value]])),
        mustRefuse: !queryConforms(param.schema, value),
        field: param.name,
      }));
    // Percent-encodings that do not decode to valid text.
    for (const encoded of ["%00", "%ED%A0%80", "%FF%FE", "%E2%80%AE", "%", "%zz"])
      add("query", `query ${param.name} = raw ${encoded}`, () => ({
        request: baseRequest(`${urlWith(others)}${others.length ? "&" : "?"}${param.name}=${encoded}`),
        mustRefuse: false,
      }));
    for (const value of dateEdgesFor(param.schema))
      add("date edge", `query ${param.name} = ${value}`, () => ({
        request: baseRequest(urlWith([...others, [param.name, value]])),
        mustRefuse: !queryConforms(param.schema, value),
        field: param.name,
      }));
    add("query", `query ${param.name} given twice`, () => ({
      request: baseRequest(urlWith([...others, [param.name, "1"], [param.name, "2"]])),
      mustRefuse: false,
    }));
    if (param.required)
      add("query", `query ${param.name} missing`, () => ({
        request: baseRequest(urlWith(others)),
        mustRefuse: true,
        field: param.name,
      }));
  }
  add("query", "unknown query parameters", () => ({
    request: baseRequest(urlWith([...baseQuery, ["onbekend", "1"], ["__proto__[x]", "1"]])),
    mustRefuse: false,
  }));

  // JSON bodies: one field at a time, then the body as a whole.
  if (json && baseBody !== undefined) {
    for (const target of targets(json.schema)) {
      const label = target.path.join(".");
      for (const arb of badValues(target.schema)) {
        for (const bad of sample(arb, seed, 2, op.id, label, "value")) {
          add("body field", `body ${label}: ${bad.label} (${describeValue(bad.value)})`, () => {
            const body = setAt(baseBody, target.path, bad.value);
            return { request: jsonRequest(body), mustRefuse: !conforms(json.schema, asSent(body)), field: label };
          });
        }
      }
      for (const value of dateEdgesFor(target.schema))
        add("date edge", `body ${label} = ${value}`, () => {
          const body = setAt(baseBody, target.path, value);
          return { request: jsonRequest(body), mustRefuse: !conforms(json.schema, asSent(body)), field: label };
        });
      const without = setAt(baseBody, target.path, REMOVE);
      if (JSON.stringify(without) !== JSON.stringify(baseBody))
        add("body missing field", `body ${label} missing`, () => ({
          request: jsonRequest(without),
          mustRefuse: !conforms(json.schema, asSent(without)),
          field: label,
        }));
    }
    const extras = [
      { onbekend: "veld" },
      { id: "00000000-0000-4000-8000-000000000000", organisationId: "00000000-0000-4000-8000-000000000000" },
      { createdAt: "2000-01-01T00:00:00Z", roles: ["admin"] },
    ];
    for (const extra of extras)
      add("unknown fields", `unknown fields ${describeValue(extra)}`, () => ({
        request: jsonRequest({ ...(baseBody as object), ...extra }),
        mustRefuse: false,
      }));
    for (const whole of [null, [], "tekst", 42, true, {}])
      add("body as a whole", `body is ${describeValue(whole)}`, () => ({
        request: jsonRequest(whole),
        mustRefuse: !conforms(json.schema, whole),
      }));
  }

  // Bytes that are not the JSON they claim to be, for every operation that can take a body.
  if (withBody) {
    const base = JSON.stringify(baseBody ?? {});
    const malformed = [
      "{",
      '{"a":1,}',
      "{'a':1}",
      "NaN",
      "\u0000",
      "",
      `${base}garbage`,
      "[".repeat(100_000) + "]".repeat(100_000),
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    ];
    for (const text of malformed)
      add("malformed JSON", `malformed JSON ${describeValue(text)}`, () => ({
        request: { method: op.method, url: baseUrl, headers: { "content-type": "application/json" }, payload: text },
        mustRefuse: Boolean(json),
      }));
    add("too large", "6 MB body, over the body limit", () => ({
      request: {
        method: op.method,
        url: baseUrl,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ ...(baseBody ?? {}), filler: "f".repeat(6 * 1024 * 1024) }),
      },
      mustRefuse: true,
    }));
    const contentTypes = [
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "application/octet-stream",
      "application/json; charset=utf-16",
      "APPLICATION/JSON",
      "multipart/form-data",
      "multipart/form-data; boundary=grens",
    ];
    for (const type of contentTypes)
      add("content type", `content type ${type}`, () => ({
        request: { method: op.method, url: baseUrl, headers: { "content-type": type }, payload: base },
        // A JSON route must refuse anything but JSON; an upload route anything without the file.
        mustRefuse: json ? !/^application\/json/i.test(type) : Boolean(multipart),
      }));
  }

  // Uploads: missing, misnamed, oversized, malformed.
  if (multipart) {
    for (const [name, schema] of formFields) {
      if (schema.format !== "binary") continue;
      const file = (bytes: Uint8Array, filename = "bestand.png", type = "image/png"): Part => ({
        name,
        file: { bytes, filename, type },
      });
      const forms: Array<{ what: string; parts: () => Part[]; mustRefuse: boolean; field?: string }> = [
        { what: "no parts", parts: () => [], mustRefuse: true, field: name },
        {
          what: "file under another field name",
          parts: () => [{ ...file(TINY_PNG), name: "anders" }],
          mustRefuse: true,
          field: name,
        },
        { what: "empty file", parts: () => [file(new Uint8Array())], mustRefuse: false },
        { what: "text instead of a file", parts: () => [{ name, text: "geen bestand" }], mustRefuse: false },
        {
          what: "text file named .png",
          parts: () => [file(Buffer.from("gewoon tekst"), "logo.png")],
          mustRefuse: false,
        },
        { what: "two files", parts: () => [file(TINY_PNG), file(TINY_PNG)], mustRefuse: false },
        { what: "1 MB file", parts: () => [file(bigFile(1024 * 1024))], mustRefuse: false },
        { what: "6 MB file, over the body limit", parts: () => [file(bigFile(6 * 1024 * 1024))], mustRefuse: true },
        { what: "file named ../../etc/passwd", parts: () => [file(TINY_PNG, "../../etc/passwd")], mustRefuse: false },
        ...NASTY_STRINGS.filter(Boolean).map((filename) => ({
          what: `file named ${describeValue(filename)}`,
          parts: () => [file(TINY_PNG, filename)],
          mustRefuse: false,
        })),
      ];
      for (const form of forms)
        add("upload", `upload ${name}: ${form.what}`, () => ({
          request: { method: op.method, url: baseUrl, headers: {}, payload: formOf(form.parts()) },
          mustRefuse: form.mustRefuse,
          ...(form.field ? { field: form.field } : {}),
        }));
    }
    const raw = [
      { what: "no boundary", type: "multipart/form-data", body: "--x\r\n\r\n" },
      { what: "boundary never found", type: "multipart/form-data; boundary=grens", body: "geen delen hier" },
      {
        what: "part never closed",
        type: "multipart/form-data; boundary=grens",
        body: '--grens\r\nContent-Disposition: form-data; name="logo"; filename="a.png"\r\n\r\n\x89PNG',
      },
      {
        what: "part without a name",
        type: "multipart/form-data; boundary=grens",
        body: "--grens\r\nContent-Disposition: form-data\r\n\r\nx\r\n--grens--\r\n",
      },
      { what: "JSON instead of a form", type: "application/json", body: "{}" },
    ];
    for (const r of raw)
      add("upload", `malformed upload: ${r.what}`, () => ({
        request: { method: op.method, url: baseUrl, headers: { "content-type": r.type }, payload: r.body },
        mustRefuse: true,
      }));
  }

  // Headers every request may carry.
  for (const language of ["*;q=abc", "xx-XX,en;q=2", "nl,".repeat(3000), "\u00e9"])
    add("header", `accept-language ${describeValue(language)}`, () => {
      const request = baseRequest();
      return {
        request: { ...request, headers: { ...request.headers, "accept-language": language } },
        mustRefuse: false,
      };
    });

  return cases;
}

/**
 * The cases one run sends for an operation: at most `budget`, spread over the kinds by weight,
 * chosen with the seed. Another seed explores other cases; the same seed repeats a failure.
 */
export function casesFor(op: Operation, options: CaseOptions): FuzzCase[] {
  const all = allCases(op, options.seed, options.fixtures);
  const queues = new Map<Kind, FuzzCase[]>();
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const ofKind = all.filter((c) => c.kind === kind);
    if (!ofKind.length) continue;
    const [shuffled] = sample(
      fc.shuffledSubarray(ofKind, { minLength: ofKind.length, maxLength: ofKind.length }),
      options.seed,
      1,
      op.id,
      kind,
    );
    queues.set(kind, shuffled ?? ofKind);
  }
  const picked: FuzzCase[] = [];
  const taken = new Map<Kind, number>();
  const open = (kind: Kind) => Boolean(queues.get(kind)?.length) && (taken.get(kind) ?? 0) < KINDS[kind].max;
  while (picked.length < options.budget && [...queues.keys()].some(open)) {
    for (const [kind, queue] of queues)
      for (let i = 0; i < KINDS[kind].weight && open(kind) && picked.length < options.budget; i++) {
        picked.push(queue.shift() as FuzzCase);
        taken.set(kind, (taken.get(kind) ?? 0) + 1);
      }
  }
  // Every date edge, beyond the budget: few, and each once a 500.
  picked.push(...(queues.get("date edge") ?? []));
  return picked;
}

import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import { serializerCompiler as zodSerializer } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

/**
 * Responses are written by a serializer compiled once per route from the JSON Schema of the
 * route's response schema (fast-json-stringify), not checked and encoded against the Zod schema
 * on every response and then written by `JSON.stringify` (decision 0044). Such a serializer
 * writes the schema's properties and no others, as Zod's encoding does, but does not check the
 * values: so under test every response is also encoded by Zod, which must accept it and give the
 * same JSON value, or the response is an error. A schema JSON Schema cannot express keeps Zod's
 * serializer.
 */

type Route = Parameters<typeof zodSerializer>[0];
type Serialize = (data: unknown) => string;

export function responseSerializer(options: { crossCheck: boolean }) {
  return (route: Route): Serialize => {
    // Built at the route's first answer, not at start-up: compiling every route's schema took
    // about 0.9 s of the server's start.
    let write: Serialize | undefined;
    return (data) => {
      write ??= serializerFor(route, options);
      return write(data);
    };
  };
}

function serializerFor(route: Route, options: { crossCheck: boolean }): Serialize {
  const compiled = compile(route.schema as ZodType);
  if (!compiled) return zodSerializer(route);
  if (!options.crossCheck) return compiled;
  const zod = zodSerializer(route);
  return (data) => {
    const fast = compiled(data);
    const checked = zod(data);
    if (fast !== checked && !isDeepStrictEqual(JSON.parse(fast), JSON.parse(checked))) {
      // The answers themselves stay out of the message, which may be logged.
      throw new Error(`${route.method} ${route.url}: the compiled serializer and Zod wrote different answers`);
    }
    return fast;
  };
}

/** Compiled once per schema: several routes answer with the same one (a trajectory's page). */
const compiledBySchema = new WeakMap<ZodType, Serialize | null>();

function compile(schema: ZodType): Serialize | undefined {
  let compiled = compiledBySchema.get(schema);
  if (compiled === undefined) {
    compiled = compileOnce(schema) ?? null;
    compiledBySchema.set(schema, compiled);
  }
  return compiled ?? undefined;
}

function compileOnce(schema: ZodType): Serialize | undefined {
  let json: unknown;
  try {
    json = z.toJSONSchema(schema, {
      io: "output",
      unrepresentable: "throw",
      target: "draft-7",
      override: stripLikeZod,
    });
  } catch {
    return undefined;
  }
  return fastJson(forSerializing(json) as Parameters<typeof fastJson>[0]) as Serialize;
}

/**
 * Zod's output schema closes every object (`additionalProperties: false`), but Zod's encoding
 * refuses more properties only for a strict object and strips them from the others. Compiled,
 * an object writes only its own properties either way; what differs is which branch of a union
 * an object with more properties matches (a strict branch does not), so only strict objects stay
 * closed, as in Zod.
 */
function stripLikeZod({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  const def = (zodSchema as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def;
  if (def.type === "object" && !def.catchall && jsonSchema.additionalProperties === false)
    delete jsonSchema.additionalProperties;
}

/**
 * The JSON Schema as the compiled code should read it:
 * - Zod writes a value that may be null as `anyOf: [X, {type: "null"}]`, which the compiled code
 *   would decide by validating the value against X each time; `X` with `nullable: true` (and
 *   the description and default the `anyOf` carried) is the same schema decided by a test for null.
 */
function forSerializing(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSerializing);
  if (!node || typeof node !== "object") return node;
  const entries = Object.entries(node).map(([key, value]) => [key, forSerializing(value)] as const);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  const branches = schema.anyOf;
  const { anyOf: _, ...notes } = schema;
  if (Array.isArray(branches) && branches.length === 2 && Object.keys(notes).every((k) => ANNOTATIONS.has(k))) {
    const other = branches.find((b) => !isNull(b));
    if (other && branches.some(isNull) && simple(other)) return { ...other, ...notes, nullable: true };
  }
  return schema;
}

const ANNOTATIONS = new Set(["description", "title", "default"]);

const isNull = (schema: unknown) => isDeepStrictEqual(schema, { type: "null" });

/** A schema of one type, without a combinator or reference, that `nullable` may extend. */
function simple(schema: unknown): schema is Record<string, unknown> {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as Record<string, unknown>;
  return typeof s.type === "string" && !s.anyOf && !s.oneOf && !s.allOf && !s.$ref && s.nullable === undefined;
}

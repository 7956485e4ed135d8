import { z } from "zod";

/**
 * The version of a row as a client read it and sends it back with a change. Versions are
 * PostgreSQL integers: a larger number can match no row, and would fail in the database
 * (500) instead of being refused here (422).
 */
export const MAX_VERSION = 2_147_483_647;
export const versionSchema = z.number().int().positive().max(MAX_VERSION);
/** The same, read from a query string. */
export const versionParamSchema = z.coerce.number().int().positive().max(MAX_VERSION);

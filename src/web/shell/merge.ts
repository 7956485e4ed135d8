/**
 * A newer version of a record arrives while the user edits it: fields the user left alone take the
 * server's new value, fields they edited keep their input. Groups of fields (plain objects) are
 * merged field by field; a list is one field. Fields that both sides changed, to different values,
 * are reported by their path (`plan.goal`), so the user can compare before saving again.
 */
export function mergeReloaded<V extends Record<string, unknown>>(
  current: V,
  baseline: V,
  fresh: V,
): { values: V; clashes: string[] } {
  const clashes: string[] = [];
  const values = mergeGroup(current, baseline, fresh, "", clashes) as V;
  return { values, clashes };
}

function mergeGroup(
  current: Record<string, unknown>,
  baseline: Record<string, unknown>,
  fresh: Record<string, unknown>,
  prefix: string,
  clashes: string[],
): Record<string, unknown> {
  const values = { ...current };
  for (const key of Object.keys(fresh)) {
    const path = `${prefix}${key}`;
    const [mine, before, theirs] = [current[key], baseline[key], fresh[key]];
    if (isGroup(mine) && isGroup(before) && isGroup(theirs)) {
      values[key] = mergeGroup(mine, before, theirs, `${path}.`, clashes);
      continue;
    }
    const touched = !same(mine, before);
    if (!touched) values[key] = theirs;
    else if (!same(theirs, before) && !same(mine, theirs)) clashes.push(path);
  }
  return values;
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value at a dotted path (`plan.goal`), to show what the server holds for a clash. */
export function valueAt(values: unknown, path: string): unknown {
  let node = values;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

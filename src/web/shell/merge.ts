/**
 * After a 409 the form reloads the server's row without losing what the user typed: fields the
 * user left alone take the server's new value, fields they edited keep their input. Fields that
 * both sides changed are reported, so the user can compare before saving again.
 */
export function mergeReloaded<V extends Record<string, unknown>>(
  current: V,
  baseline: V,
  fresh: V,
): { values: V; clashes: Array<keyof V> } {
  const values = { ...current };
  const clashes: Array<keyof V> = [];
  for (const key of Object.keys(fresh) as Array<keyof V>) {
    const touched = !same(current[key], baseline[key]);
    const serverChanged = !same(fresh[key], baseline[key]);
    if (!touched) values[key] = fresh[key];
    else if (serverChanged && !same(current[key], fresh[key])) clashes.push(key);
  }
  return { values, clashes };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

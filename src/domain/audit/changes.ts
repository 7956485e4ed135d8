/** One field of an audit entry as it was and as it became; undefined where that side has no value. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown> | null | undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an audit entry changed, in the order they were written: before-only fields
 * (something removed), after-only fields (something created) and fields whose value differs.
 */
export function changedFields(before: Snapshot, after: Snapshot): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (before && after && same(b[field], a[field])) continue;
    changes.push({ field, before: before ? b[field] : undefined, after: after ? a[field] : undefined });
  }
  return changes;
}

/** A stored value as plain text; `empty` for nothing, lists joined, objects as compact JSON. */
export function valueAsText(value: unknown, options: { empty: string; yes: string; no: string }): string {
  if (value === null || value === undefined || value === "") return options.empty;
  if (typeof value === "boolean") return value ? options.yes : options.no;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueAsText(v, options)).join(", ") : options.empty;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

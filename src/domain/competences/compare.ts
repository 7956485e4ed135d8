import type { Framework } from "./framework.js";

/** One item of a framework's tree, wherever it stands. */
type Level = "competence" | "skill" | "behaviour";

export interface ItemChange {
  level: Level;
  key: string;
  /** What changed of an item in both versions: its texts, or where it stands. */
  fields: ("name" | "description" | "text" | "parent")[];
}

export interface VersionComparison {
  added: { level: Level; key: string }[];
  changed: ItemChange[];
  retired: { level: Level; key: string }[];
}

interface Flat {
  level: Level;
  key: string;
  parent: string | null;
  retired: boolean;
  texts: Partial<Record<"name" | "description" | "text", string>>;
}

function flatten(framework: Framework): Map<string, Flat> {
  const items = new Map<string, Flat>();
  // In a fixed order of languages: a stored document (jsonb) gives its keys back in another order.
  const json = (value: { nl: string; en: string } | undefined) =>
    value === undefined ? undefined : JSON.stringify([value.nl, value.en]);
  for (const c of framework.competences) {
    items.set(c.key, {
      level: "competence",
      key: c.key,
      parent: null,
      retired: c.retired,
      texts: { name: json(c.name), description: json(c.description) },
    });
    for (const s of c.skills) {
      items.set(s.key, {
        level: "skill",
        key: s.key,
        parent: c.key,
        retired: s.retired,
        texts: { name: json(s.name) },
      });
      for (const b of s.behaviours)
        items.set(b.key, {
          level: "behaviour",
          key: b.key,
          parent: s.key,
          retired: b.retired,
          texts: { text: json(b.text) },
        });
    }
  }
  return items;
}

/**
 * What a newer version of a framework changed against an older one, side by side: items added,
 * items whose texts or place changed, and items retired (or no longer there), in the newer
 * version's order.
 */
export function compareVersions(older: Framework, newer: Framework): VersionComparison {
  const before = flatten(older);
  const after = flatten(newer);
  const result: VersionComparison = { added: [], changed: [], retired: [] };
  for (const item of after.values()) {
    const was = before.get(item.key);
    if (!was || (was.retired && !item.retired)) {
      if (!item.retired) result.added.push({ level: item.level, key: item.key });
      continue;
    }
    if (item.retired) {
      if (!was.retired) result.retired.push({ level: item.level, key: item.key });
      continue;
    }
    const fields = (["name", "description", "text"] as const).filter((f) => item.texts[f] !== was.texts[f]);
    const moved = item.parent !== was.parent ? (["parent"] as const) : [];
    if (fields.length || moved.length)
      result.changed.push({ level: item.level, key: item.key, fields: [...fields, ...moved] });
  }
  for (const item of before.values())
    if (!after.has(item.key) && !item.retired) result.retired.push({ level: item.level, key: item.key });
  return result;
}

import type { Tx } from "../../db/connection.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import { type PathItem, proposePath } from "../../domain/competences/path.js";
import type { LearningPathView, PathItemView } from "../../domain/competences/path-api.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { readableFramework } from "../competences/versions.js";
import { forbidden, notFound } from "../http/problem.js";
import { type FinishedScan, ownFinishedScans, ownPath, type ScanPicture, scanPictures } from "./load.js";

/**
 * The signed-in werkbegeleider's learning path. The path is its owner's alone: only they read
 * and change it here. A praktijkopleider or team leader sees a werkbegeleider's scan results
 * (the scans' own routes), not the path: the issue gives the path to the werkbegeleider, and a
 * read-only view for the praktijkopleider is left for when it is asked for.
 */

const EMPTY: LearningPathView = {
  framework: null,
  path: null,
  progress: [],
  proposal: null,
  competences: [],
  scale: [],
  policies: { edit: false },
};

const scanRef = (scan: FinishedScan) => ({
  id: scan.id,
  finishedAt: scan.finishedAt.toISOString(),
  variant: scan.variant,
});

function presentItems(items: readonly PathItem[], picture: ScanPicture): PathItemView[] {
  const framework = picture.framework;
  const competences = new Map(framework.competences.map((c) => [c.key, c]));
  const texts = new Map(
    framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => [b.key, b.text] as const))),
  );
  const levels = new Map(picture.levels.map((l) => [l.competence, l]));
  return items.map((item) => {
    const level = levels.get(item.competence);
    return {
      competence: item.competence,
      name: competences.get(item.competence)?.name ?? { nl: item.competence, en: item.competence },
      status: item.status,
      own: item.own,
      closed: item.closed,
      note: item.note,
      module: item.module,
      behaviours: item.behaviours.flatMap((key) => {
        const text = texts.get(key);
        return text ? [{ key, text }] : [];
      }),
      level: level?.level ?? null,
      target: level?.target ?? 0,
      gap: level?.gap ?? 0,
    };
  });
}

export async function getLearningPath(
  tx: Tx,
  actor: Actor,
  query: { frameworkId?: string | undefined },
): Promise<LearningPathView> {
  if (!canScanSelf(actor)) throw forbidden();
  if (query.frameworkId && !(await readableFramework(tx, actor, query.frameworkId))) return EMPTY;
  const scans = await ownFinishedScans(tx, actor);
  const frameworkId = query.frameworkId ?? scans[0]?.frameworkId;
  if (!frameworkId) return EMPTY;
  const ofFramework = scans.filter((s) => s.frameworkId === frameworkId);
  const latest = ofFramework[0];
  const first = ofFramework.at(-1);
  const row = await ownPath(tx, actor, frameworkId);
  const pathScan = ofFramework.find((s) => s.id === row?.scanId) ?? latest;
  if (!pathScan || !latest || !first) return EMPTY;

  const pictures = await scanPictures(tx, actor, [...new Set([pathScan.id, latest.id, first.id])]);
  const base = pictures.get(pathScan.id);
  const now = pictures.get(latest.id);
  const then = pictures.get(first.id);
  if (!base || !now || !then) throw notFound();

  const items = row ? row.items : proposePath([], base.order, base.behaviours).path;
  const newer = row && latest.id !== pathScan.id && latest.finishedAt > pathScan.finishedAt;
  const proposed = newer ? proposePath(row.items, now.order, now.behaviours) : null;

  const framework = base.framework;
  const names = new Map([...now.framework.competences, ...framework.competences].map((c) => [c.key, c.name]));
  const levelsThen = new Map(then.levels.map((l) => [l.competence, l]));
  const levelsNow = new Map(now.levels.map((l) => [l.competence, l]));
  return {
    framework: { id: frameworkId, name: framework.name },
    path: {
      id: row?.id ?? null,
      version: row?.version ?? null,
      scan: scanRef(pathScan),
      items: presentItems(items, base),
      suggestedOrder: base.order,
    },
    progress: items.map((item) => {
      const was = levelsThen.get(item.competence)?.level ?? null;
      const is = levelsNow.get(item.competence);
      const level = is?.level ?? null;
      return {
        competence: item.competence,
        name: names.get(item.competence) ?? { nl: item.competence, en: item.competence },
        target: is?.target ?? 0,
        first: was,
        latest: level,
        change: was === null || level === null ? null : level - was,
        scans: ofFramework.length,
        done: item.status === "done",
      };
    }),
    proposal: proposed
      ? {
          scan: scanRef(latest),
          items: presentItems(proposed.path, now),
          added: proposed.added,
          closed: proposed.closed,
          reordered: proposed.reordered,
        }
      : null,
    competences: activeCompetences(framework).map((c) => ({ key: c.key, name: c.name })),
    scale: framework.scale.map((l) => ({ value: l.value, name: l.name })),
    policies: { edit: true },
  };
}

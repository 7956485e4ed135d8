/**
 * The competence part of an organisation's benchmark data: its own framework for werkbegeleiders
 * (the demo's, published as version 1), the guides' self-scans with their critical friends'
 * answers, and the learning paths made from them. A path is what `createLearningPath` stores
 * (`proposePath` over the scan's levels and behaviours) and its owner then worked on, so the
 * learning path and the scan overview read these rows as their own.
 */
import type { FriendRating, RaterKind } from "../../src/domain/competences/anonymity.js";
import { DEMO_FRAMEWORK } from "../../src/domain/competences/demo-framework.js";
import { activeBehaviours, activeCompetences } from "../../src/domain/competences/framework.js";
import {
  behavioursPerCompetence,
  competenceLevels,
  type PathItemStatus,
  proposePath,
  type Scan,
  suggestedOrder,
} from "../../src/domain/competences/path.js";
import { frameworkAsScanned } from "../../src/server/competences/versions.js";
import { contentHash } from "../../src/server/content-hash.js";
import type { Random } from "./random.js";
import type { Member } from "./youth-care.js";

type Row = Record<string, unknown>;

const DAY = 86_400_000;

/** The tables this part fills, as in OrganisationRows. */
export interface CompetenceRows {
  frameworks: Row[];
  framework_versions: Row[];
  competence_scans: Row[];
  scan_friends: Row[];
  learning_paths: Row[];
}

interface Context {
  random: Random;
  rows: CompetenceRows;
  organisationId: string;
  today: Date;
  at(offsetDays: number, hour?: number): Date;
}

/** Who the guides ask as critical friends: colleagues, their praktijkopleider, a team leader, a trainee. */
export interface Friends {
  colleagues: readonly Member[];
  officer: Member;
  teamLeaders: readonly Member[];
  students: readonly Member[];
}

const NOTES = [
  "Besproken in het werkoverleg en geoefend in de begeleidingsgesprekken.",
  "Na de zomer oppakken.",
  "Eerst dit: ik wil het in de komende gesprekken oefenen.",
  null,
] as const;

const clamp = (value: number) => Math.min(4, Math.max(1, value));

/**
 * The framework, and for about 60% of the guides (`first` always) one to three finished
 * self-scans some months apart, each better than the one before, with two to five friends of
 * whom most answered; some guides have a scan open. Half of those who scanned (`first` always)
 * made a learning path from their first scan and marked its first steps.
 */
export function addCompetences(c: Context, guides: readonly Member[], first: Member, friends: Friends) {
  const { random, rows, organisationId } = c;
  const now = c.today.getTime();
  const frameworkId = random.uuid();
  const versionId = random.uuid();
  const publishedAt = c.at(-random.int(400, 600), 10);
  rows.frameworks.push({
    id: frameworkId,
    owner_organisation_id: organisationId,
    key: "vakbekwaam-werkbegeleiden",
    created_at: new Date(publishedAt.getTime() - 30 * DAY),
  });
  rows.framework_versions.push({
    id: versionId,
    framework_id: frameworkId,
    owner_organisation_id: organisationId,
    number: 1,
    status: "published",
    round: 0,
    document: DEMO_FRAMEWORK,
    hash: contentHash(DEMO_FRAMEWORK),
    change_note: "Vastgesteld door de praktijkopleiders.",
    version: 3,
    created_at: new Date(publishedAt.getTime() - 30 * DAY),
    updated_at: publishedAt,
    voting_opened_at: null,
    published_at: publishedAt,
  });
  const framework = frameworkAsScanned(DEMO_FRAMEWORK, []);
  const competences = activeCompetences(framework);
  // Own ratings per behaviour around a level per competence; friends somewhat lower or higher.
  const ratingsAround = (levels: Record<string, number>, spread: number) => {
    const ratings: Record<string, number | null> = {};
    for (const competence of competences)
      for (const behaviour of activeBehaviours(competence))
        ratings[behaviour.key] = random.chance(0.03)
          ? null
          : clamp((levels[competence.key] ?? 2) + random.int(-spread, spread));
    return ratings;
  };

  for (const guide of guides) {
    if (guide !== first && !random.chance(0.6)) continue;
    const variant = random.weighted([
      ["mbo2", 25],
      ["mbo3", 45],
      ["mbo4", 30],
    ] as const);
    const levels = Object.fromEntries(competences.map((k) => [k.key, random.int(1, 3)]));
    const scans =
      guide === first
        ? 2
        : random.weighted([
            [1, 50],
            [2, 35],
            [3, 15],
          ] as const);
    let finishedDay = -random.int(5, 200) - (scans - 1) * random.int(90, 200);
    let firstScan: { id: string; finishedAt: Date; scan: Scan } | null = null;
    for (let n = 0; n < scans; n++) {
      const scanId = random.uuid();
      const finishedAt = c.at(finishedDay, random.int(9, 20));
      const startedAt = new Date(finishedAt.getTime() - random.int(3, 21) * DAY);
      const self = ratingsAround(levels, 1);
      rows.competence_scans.push({
        id: scanId,
        organisation_id: organisationId,
        user_id: guide.userId,
        framework_version_id: versionId,
        extensions: [],
        variant,
        status: "finished",
        ratings: self,
        examples: {},
        version: 2 + Object.keys(self).length,
        started_at: startedAt,
        updated_at: finishedAt,
        finished_at: finishedAt,
      });
      const answers: Record<string, FriendRating[]> = {};
      const asked = new Set<Member>([guide]);
      const count = random.int(2, 5);
      for (let f = 0; f < count; f++) {
        const kind: RaterKind =
          f === 0 ? "colleague" : random.pick(["colleague", "praktijkopleider", "team_leader", "student"]);
        const pool =
          kind === "colleague"
            ? friends.colleagues
            : kind === "praktijkopleider"
              ? [friends.officer]
              : kind === "team_leader"
                ? friends.teamLeaders
                : friends.students;
        const friend = random.pick(pool.length ? pool : [friends.officer]);
        if (asked.has(friend)) continue;
        asked.add(friend);
        const status = random.weighted([
          ["answered", 85],
          ["invited", 8],
          ["declined", 7],
        ] as const);
        const friendId = random.uuid();
        const ratings = status === "answered" ? ratingsAround(levels, 1) : {};
        const answeredAt = new Date(startedAt.getTime() + random.int(1, 10) * DAY);
        rows.scan_friends.push({
          id: friendId,
          organisation_id: organisationId,
          scan_id: scanId,
          kind,
          user_id: friend.userId,
          name: null,
          email: null,
          token_hash: null,
          expires_at: new Date(startedAt.getTime() + 21 * DAY),
          status,
          ratings,
          invited_at: startedAt,
          answered_at: status === "answered" ? new Date(Math.min(answeredAt.getTime(), now)) : null,
        });
        if (status === "answered")
          for (const [behaviour, value] of Object.entries(ratings))
            answers[behaviour] = [...(answers[behaviour] ?? []), { raterId: friendId, kind, value }];
      }
      if (!firstScan) firstScan = { id: scanId, finishedAt, scan: { self, friends: answers } };
      // The next scan some months on, a little better.
      for (const key of Object.keys(levels)) if (random.chance(0.5)) levels[key] = clamp((levels[key] ?? 2) + 1);
      finishedDay += random.int(90, 200);
      if (finishedDay > -3) break;
    }
    if (random.chance(0.15)) {
      const startedAt = c.at(-random.int(1, 20), 10);
      rows.competence_scans.push({
        id: random.uuid(),
        organisation_id: organisationId,
        user_id: guide.userId,
        framework_version_id: versionId,
        extensions: [],
        variant,
        status: "open",
        ratings: ratingsAround(levels, 1),
        examples: {},
        version: 4,
        started_at: startedAt,
        updated_at: startedAt,
        finished_at: null,
      });
    }

    if (!firstScan || (guide !== first && !random.chance(0.5))) continue;
    const levelsOfFirst = competenceLevels(framework, variant, firstScan.scan);
    const proposed = proposePath(
      [],
      suggestedOrder(levelsOfFirst),
      behavioursPerCompetence(framework, firstScan.scan),
    ).path;
    // The owner's own work on it: the first steps chosen, done or postponed, with a note.
    const worked: PathItemStatus[] = ["done", "chosen", "postponed"];
    const items = proposed.map((item, i) =>
      i < 3 && random.chance(0.7) ? { ...item, status: worked[i] ?? item.status, note: random.pick(NOTES) } : item,
    );
    const made = new Date(Math.min(firstScan.finishedAt.getTime() + random.int(1, 30) * DAY, now - DAY));
    rows.learning_paths.push({
      id: random.uuid(),
      organisation_id: organisationId,
      user_id: guide.userId,
      framework_id: frameworkId,
      scan_id: firstScan.id,
      items,
      version: 2,
      created_at: made,
      updated_at: made,
    });
  }
}

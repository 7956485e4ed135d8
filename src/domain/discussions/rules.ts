import { type Actor, hasRole } from "../roles.js";

/**
 * Peer discussion on a case or a module (decision 0029): posts and replies by everyone who reads
 * the subject, edited by their author for a short while, removed by their author (kept in the
 * thread as removed), hidden by a trainer with a reason.
 */

/** How long after posting its author may still change a post. */
export const EDIT_WINDOW_MINUTES = 15;

export const DISCUSSION_SUBJECTS = ["case", "module"] as const;
export type DiscussionSubject = (typeof DISCUSSION_SUBJECTS)[number];

export const canPost = (actor: Pick<Actor, "roles">) =>
  hasRole(actor, "guide", "trainee", "trainer", "training_officer", "admin", "network_coordinator", "client");

/** Trainers moderate: of the organisation for its own content, of any member for the network's. */
export const canModerate = (actor: Pick<Actor, "roles">) => hasRole(actor, "trainer");

/** Whether the author may still change their post at `now`: within the window, and not removed or hidden. */
export function mayEditPost(
  post: { authorId: string; createdAt: Date; removedAt: Date | null; hiddenAt: Date | null },
  actor: Pick<Actor, "userId">,
  now: Date,
): boolean {
  return (
    post.authorId === actor.userId &&
    !post.removedAt &&
    !post.hiddenAt &&
    now.getTime() - post.createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000
  );
}

/**
 * The people a post mentions: each whose name follows an `@` in the text ("@Sanne Visser"),
 * longest name first so that a longer name wins over a shorter one it starts with. Case is
 * ignored; a name must end at a word boundary.
 */
export function mentionedIn<P extends { name: string }>(body: string, people: readonly P[]): P[] {
  const text = body.toLocaleLowerCase("nl");
  const found: P[] = [];
  const taken: [number, number][] = [];
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const name = `@${person.name.toLocaleLowerCase("nl")}`;
    if (person.name.trim() === "") continue;
    let mentioned = false;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      const boundary = end === text.length || !/[\p{L}\p{N}]/u.test(text[end] ?? "");
      if (!boundary || taken.some(([from, to]) => at < to && end > from)) continue;
      // Every place a longer name was found is its, not a shorter name's that it starts with.
      taken.push([at, end]);
      mentioned = true;
    }
    if (mentioned) found.push(person);
  }
  return found;
}

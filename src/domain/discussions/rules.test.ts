import { describe, expect, it } from "vitest";
import { EDIT_WINDOW_MINUTES, mayEditPost, mentionedIn } from "./rules.js";

const people = [
  { id: "1", name: "Sanne Visser" },
  { id: "2", name: "Sanne" },
  { id: "3", name: "Joost Smit" },
];

describe("mentions", () => {
  it("finds the people named after an @, the longest name first, each once", () => {
    expect(mentionedIn("Wat vind jij, @Sanne Visser? En @joost smit!", people).map((p) => p.id)).toEqual(["1", "3"]);
    expect(mentionedIn("@Sanne, kijk jij even?", people).map((p) => p.id)).toEqual(["2"]);
    expect(mentionedIn("@Sanne Visser en @Sanne Visser", people).map((p) => p.id)).toEqual(["1"]);
  });

  it("ignores a name without an @, or one that runs on into another word", () => {
    expect(mentionedIn("Sanne Visser had gelijk", people)).toEqual([]);
    expect(mentionedIn("@Joost Smitsen", people)).toEqual([]);
    expect(mentionedIn("mail@Sanne", people).map((p) => p.id)).toEqual(["2"]);
  });
});

describe("editing a post", () => {
  const post = { authorId: "a", createdAt: new Date("2026-12-05T10:00:00Z"), removedAt: null, hiddenAt: null };
  const at = (minutes: number) => new Date(post.createdAt.getTime() + minutes * 60_000);
  it("is for its author within the window, and not once removed or hidden", () => {
    expect(mayEditPost(post, { userId: "a" }, at(EDIT_WINDOW_MINUTES))).toBe(true);
    expect(mayEditPost(post, { userId: "a" }, at(EDIT_WINDOW_MINUTES + 1))).toBe(false);
    expect(mayEditPost(post, { userId: "b" }, at(1))).toBe(false);
    expect(mayEditPost({ ...post, removedAt: at(1) }, { userId: "a" }, at(2))).toBe(false);
    expect(mayEditPost({ ...post, hiddenAt: at(1) }, { userId: "a" }, at(2))).toBe(false);
  });
});

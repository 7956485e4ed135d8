import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensusState, type Vote, voteRefusal } from "./consensus.js";

const members = ["linde", "rivier", "wilgen"];
const approve = (organisationId: string): Vote => ({ organisationId, choice: "approve" });
const reject = (organisationId: string): Vote => ({ organisationId, choice: "reject", reason: "Te vaag" });

describe("consensus on a framework version", () => {
  it("under 'all' is agreed only when every member approved, and says who is still open", () => {
    expect(consensusState({ kind: "all" }, members, [approve("linde")])).toEqual({
      kind: "open",
      approved: ["linde"],
      rejected: [],
      waiting: ["rivier", "wilgen"],
    });
    expect(consensusState({ kind: "all" }, members, members.map(approve)).kind).toBe("agreed");
  });

  it("a rejection stands until the member approves a changed proposal; only the last vote counts", () => {
    const votes = [approve("linde"), reject("rivier"), approve("wilgen")];
    expect(consensusState({ kind: "all" }, members, votes).kind).toBe("rejected");
    expect(consensusState({ kind: "all" }, members, [...votes, approve("rivier")]).kind).toBe("agreed");
  });

  it("under a quorum is agreed at exactly that many approvals", () => {
    const rule = { kind: "quorum", min: 2 } as const;
    expect(consensusState(rule, members, [approve("linde")]).kind).toBe("open");
    expect(consensusState(rule, members, [approve("linde"), approve("wilgen")])).toEqual({
      kind: "agreed",
      approved: ["linde", "wilgen"],
      waiting: ["rivier"],
    });
  });

  it("ignores votes of organisations outside the network", () => {
    expect(consensusState({ kind: "quorum", min: 1 }, members, [approve("elders")]).kind).toBe("open");
  });

  it("is never agreed while a member's last vote is a rejection, whatever the rule", () => {
    const vote = fc.record({
      organisationId: fc.constantFrom(...members),
      choice: fc.constantFrom("approve" as const, "reject" as const),
    });
    const rule = fc.oneof(
      fc.constant({ kind: "all" as const }),
      fc.integer({ min: 1, max: 5 }).map((min) => ({ kind: "quorum" as const, min })),
    );
    fc.assert(
      fc.property(rule, fc.array(vote, { maxLength: 12 }), (r, raw) => {
        const votes = raw.map(
          (v): Vote => (v.choice === "reject" ? { ...v, choice: "reject", reason: "x" } : { ...v, choice: "approve" }),
        );
        const last = new Map(votes.map((v) => [v.organisationId, v.choice]));
        const state = consensusState(r, members, votes);
        const anyRejects = [...last.values()].includes("reject");
        expect(state.kind === "agreed").toBe(
          !anyRejects && state.approved.length >= (r.kind === "all" ? 3 : Math.min(r.min, 3)),
        );
        if (anyRejects) expect(state.kind).toBe("rejected");
      }),
    );
  });

  it("refuses a vote on a published version, on a draft, and from outside the network", () => {
    expect(voteRefusal("published", members, "linde")).toBe("consensus.alreadyPublished");
    expect(voteRefusal("draft", members, "linde")).toBe("consensus.notOpen");
    expect(voteRefusal("voting", members, "elders")).toBe("consensus.notMember");
    expect(voteRefusal("voting", members, "linde")).toBeNull();
  });
});

/**
 * What makes a sound intervisie group: three to eight members (the norm of Register Vaktherapie,
 * in line with practice advice of five to eight) and no authority relation among them (SKJ's
 * begeleide intervisie: colleagues without a mutual gezagsrelatie). Koers warns, it does not refuse.
 */
export const GROUP_NORMS = { minMembers: 3, maxMembers: 8 } as const;

export interface NormMember {
  userId: string;
  name: string;
  /** The person's membership of the organisation. */
  membershipId: string;
  /** The membership of the person's manager (memberships.manager_id), if any. */
  managerId: string | null;
}

export type GroupWarning =
  | { kind: "tooFew"; count: number; min: number }
  | { kind: "tooMany"; count: number; max: number }
  | { kind: "authority"; manager: string; managerUserId: string; report: string; reportUserId: string };

/** The warnings for a group's current members, size first, then each authority relation by name. */
export function warnings(group: { members: readonly NormMember[] }): GroupWarning[] {
  const found: GroupWarning[] = [];
  const count = group.members.length;
  if (count < GROUP_NORMS.minMembers) found.push({ kind: "tooFew", count, min: GROUP_NORMS.minMembers });
  if (count > GROUP_NORMS.maxMembers) found.push({ kind: "tooMany", count, max: GROUP_NORMS.maxMembers });
  const byMembership = new Map(group.members.map((m) => [m.membershipId, m]));
  const relations: GroupWarning[] = [];
  for (const member of group.members) {
    const manager = member.managerId ? byMembership.get(member.managerId) : undefined;
    if (manager && manager.userId !== member.userId)
      relations.push({
        kind: "authority",
        manager: manager.name,
        managerUserId: manager.userId,
        report: member.name,
        reportUserId: member.userId,
      });
  }
  relations.sort((a, b) =>
    a.kind === "authority" && b.kind === "authority"
      ? a.manager.localeCompare(b.manager, "nl") || a.report.localeCompare(b.report, "nl")
      : 0,
  );
  return [...found, ...relations];
}

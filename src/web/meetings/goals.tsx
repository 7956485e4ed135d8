import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeetingGoal } from "./model";

/** Goals in the order of the goal list. */
export const orderedGoals = (goals: readonly MeetingGoal[]) => [...goals].sort((a, b) => a.position - b.position);

/** "Doel 2: Geeft gedifferentieerde instructie": the goal's place in the list and its words. */
export function useGoalName() {
  const { t } = useTranslation("meetings");
  return (goals: readonly MeetingGoal[], goalId: string) => {
    const ordered = orderedGoals(goals);
    const index = ordered.findIndex((g) => g.id === goalId);
    const goal = ordered[index];
    return goal ? t("goals.goal", { number: index + 1, title: goal.title }) : t("goals.removed");
  };
}

/** The observable criteria of a goal, under its name, when it has them. */
export function SuccessCriteria({ goal }: { goal: MeetingGoal | undefined }) {
  const { t } = useTranslation("meetings");
  if (!goal?.successCriteria) return null;
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
      {t("goals.successCriteria", { text: goal.successCriteria })}
    </Text>
  );
}

/** A goal's fieldset legend reads as the heading of its part of the form. */
export const GOAL_LEGEND = { legend: { fontWeight: 600 } };

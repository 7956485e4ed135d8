import { Fieldset, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Scale } from "../../domain/regimes/schema";
import { useRegimeText } from "../i18n/regime-text";
import { ChoiceFieldset } from "./ChoiceFieldset";
import type { MeetingGoal } from "./model";
import { type ScaleOption, scoreText } from "./scale";
import "./texts";

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

/**
 * One goal in a form that rates goals (feedback, a self-assessment): its name as the legend, its
 * success criteria, the rating on the regime's scale, and the form's own text fields after it.
 */
export function GoalRatingFieldset({
  legend,
  goal,
  options,
  rating,
  onRate,
  error,
  children,
}: {
  legend: string;
  goal: MeetingGoal | undefined;
  options: ScaleOption[];
  rating: string;
  onRate: (value: string) => void;
  error: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation("meetings");
  return (
    <Fieldset legend={legend} styles={GOAL_LEGEND}>
      <Stack gap="sm">
        <SuccessCriteria goal={goal} />
        <ChoiceFieldset
          legend={t("goals.rating")}
          options={options}
          noneLabel={t("goals.noRating")}
          value={rating}
          onChange={onRate}
          error={error}
        />
        {children}
      </Stack>
    </Fieldset>
  );
}

/** A goal as rated in a self-assessment or feedback: its name, the rating in the scale's words, and what was written with it. */
export function RatedGoal({
  name,
  rating,
  scale,
  notes,
}: {
  name: string;
  rating: number | null;
  scale: Scale;
  notes: { label: string; text: string | null }[];
}) {
  const { t } = useTranslation("meetings");
  const { locale } = useRegimeText();
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {name}
      </Text>
      <Text size="sm">
        {t("goals.rating")}: {rating === null ? t("goals.notRated") : scoreText(scale, rating, locale)}
      </Text>
      {notes.map(
        (note) =>
          note.text && (
            <Text key={note.label} size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {note.label}: {note.text}
            </Text>
          ),
      )}
    </Stack>
  );
}

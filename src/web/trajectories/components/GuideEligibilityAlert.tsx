import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EligibilityVerdict, GuideEligibility } from "../../../domain/eligibility/model";
import { formatDate } from "../../i18n";
import { useRegimeText } from "../../i18n/regime-text";
import { localDay } from "../format";
import type { TrajectoryDetail } from "../model";
import "../texts";

export const VERDICT_COLOR: Record<EligibilityVerdict, string> = {
  eligible: "green",
  eligibleWithMotivation: "yellow",
  notEligible: "red",
};

/**
 * A guide judged by the regime's guide rule, in words: the verdict (green, yellow with what a
 * motivated request needs, red), the rule that applied and why.
 */
export function GuideEligibilityAlert({
  judgement,
  role,
  name,
  footer,
}: {
  judgement: GuideEligibility;
  /** The regime's word for the guide, e.g. "Werkbegeleider". */
  role: string;
  name: string;
  footer?: string;
}) {
  const { t } = useTranslation("trajectories");
  const { text } = useRegimeText();
  return (
    <Alert
      color={VERDICT_COLOR[judgement.verdict]}
      variant="light"
      title={t("eligibility.title", { role, name, verdict: t(`eligibility.${judgement.verdict}`) })}
      data-verdict={judgement.verdict}
      // The theme's light colours are too pale for text on their own background.
      styles={{ title: { color: "var(--mantine-color-text)" }, message: { color: "var(--mantine-color-text)" } }}
    >
      <Text size="sm">{t("eligibility.rule", { rule: text(judgement.rule) })}</Text>
      <List size="sm" mt={4}>
        {judgement.reasons.map((reason) => (
          <List.Item key={reason.nl}>{text(reason)}</List.Item>
        ))}
      </List>
      {judgement.verdict === "eligibleWithMotivation" && (
        <Text size="sm" fw={500} mt="xs">
          {t("eligibility.motivationNeeded")}
        </Text>
      )}
      {footer && (
        <Text size="xs" mt="xs">
          {footer}
        </Text>
      )}
    </Alert>
  );
}

/** The judgement kept with a trajectory, shown with its plan; nothing where the regime has no guide rule. */
export function GuideEligibilityNote({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const { text } = useRegimeText();
  const kept = detail.guideEligibility;
  if (!kept) return null;
  const role = text(detail.regime.participants.find((p) => p.role === "guide")?.label, t("start.guides"));
  const name = detail.participants.find((p) => p.role === "guide" && p.userId === kept.guideUserId)?.name ?? "";
  return (
    <GuideEligibilityAlert
      judgement={kept}
      role={role}
      name={name}
      footer={t("eligibility.judgedOn", { date: formatDate(localDay(kept.judgedOn), i18n.language) })}
    />
  );
}

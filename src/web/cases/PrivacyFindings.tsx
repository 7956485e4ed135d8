import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PrivacyWarning } from "../../domain/cases/privacy";
import "./texts";

/** The privacy check's findings, in words: for the author while writing, for the reviewer before approving. */
export function PrivacyFindings({ warnings, intro }: { warnings: PrivacyWarning[]; intro: string }) {
  const { t } = useTranslation("cases");
  return (
    <Alert
      color="orange"
      variant="light"
      title={t("privacy.title")}
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Text size="sm">{intro}</Text>
      <List size="sm" mt="xs">
        {warnings.map((w) => (
          <List.Item key={`${w.kind}-${w.match}`}>
            {t(`privacy.kinds.${w.kind}`)}: “{w.match}”
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

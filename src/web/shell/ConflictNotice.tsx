import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown on a 409: offers the new version while the form keeps what the user typed. */
export function ConflictNotice({ onReload, onDismiss }: { onReload: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      title={t("conflict.title")}
      role="alert"
      // Orange text on the light orange background stays under 4.5:1: the title takes the text colour.
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Text size="sm" mb="sm">
        {t("conflict.body")}
      </Text>
      <Group gap="sm">
        <Button size="xs" onClick={onReload}>
          {t("actions.reload")}
        </Button>
        <Button size="xs" variant="default" onClick={onDismiss}>
          {t("actions.keepMine")}
        </Button>
      </Group>
    </Alert>
  );
}

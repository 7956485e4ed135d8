import { Group, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's one h2 (the organisation name is the h1), also used as the document title. */
export function PageTitle({ children, actions }: { children: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t("appName")}`;
  }, [children, t]);
  return (
    <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
      <Title order={2}>{children}</Title>
      {actions}
    </Group>
  );
}

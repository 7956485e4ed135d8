import { Badge, Group, type MantineSpacing } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "../../domain/roles";

/** A person's roles, each as a badge in words. */
export function RoleBadges({ roles, mt }: { roles: readonly Role[]; mt?: MantineSpacing | number }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} mt={mt}>
      {roles.map((role) => (
        <Badge key={role} variant="light" size="sm">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonStatus } from "../../../domain/people/api";
import "../texts";

const colors: Record<PersonStatus, string> = { active: "green", invited: "blue", deactivated: "gray" };

export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation("people");
  return (
    <Badge
      color={colors[status]}
      variant="dot"
      styles={{ root: { overflow: "visible" }, label: { overflow: "visible" } }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

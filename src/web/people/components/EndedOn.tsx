import { Text, type TextProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n";
import "../texts";

/** The day a membership ended, said beside its status; nothing while it runs. */
export function EndedOn({ endedOn, ...props }: { endedOn: string | null } & TextProps) {
  const { t, i18n } = useTranslation("people");
  if (!endedOn) return null;
  return (
    <Text size="sm" c="dimmed" {...props}>
      {t("endedOn", { date: formatDate(endedOn, i18n.language) })}
    </Text>
  );
}

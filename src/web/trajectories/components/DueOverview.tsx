import { Card, Center, Loader, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shell/FormError";
import { useDue } from "../model";
import { DueList } from "./DueList";

/** The home page's "what should I do": everything due for me, across all my trajectories. */
export function DueOverview() {
  const { t } = useTranslation("due");
  const { t: tc } = useTranslation();
  const due = useDue();
  return (
    <Card withBorder component="section" aria-labelledby="due-title">
      <Title order={3} size="h4" mb="sm" id="due-title">
        {t("title")}
      </Title>
      {due.isPending && (
        <Center p="sm">
          <Loader size="sm" role="progressbar" aria-label={tc("loading")} />
        </Center>
      )}
      {due.isError && <FormError message={due.error.message} />}
      {due.data &&
        (due.data.items.length === 0 ? (
          <Text size="sm">{t("empty")}</Text>
        ) : (
          <DueList items={due.data.items} label={t("label")} />
        ))}
    </Card>
  );
}

import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeRetentionOf, ERASURE_TEXT } from "../../domain/privacy/describe";
import { PERSONAL_DATA } from "../../domain/privacy/registry";
import type { RetentionPeriodsView } from "../../domain/privacy/retention-api";
import { api } from "../api";
import { localeOf } from "../i18n/regime-text";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

/**
 * The organisation's processing register (verwerkingsregister), read from the registry of
 * personal data every feature joins (decision 0031): what, why, who sees it, how long, and what
 * erasure does.
 */
export default function ProcessingRegisterPage() {
  const { t, i18n } = useTranslation("privacy");
  const locale = localeOf(i18n.language);
  // The organisation's own periods where it chose them; the registry's defaults until they are known.
  const periods =
    useQuery({ queryKey: ["retention", "periods"], queryFn: () => api<RetentionPeriodsView>("/retention/periods") })
      .data?.periods ?? {};
  return (
    <Stack maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      <Alert variant="light">{t("notYet")}</Alert>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t("count", { count: PERSONAL_DATA.length })}
        </Text>
        {/* On a phone the label is wider than the screen: it wraps inside a button that grows. */}
        <Button
          component="a"
          href="/api/v1/processing-register.pdf"
          download
          variant="light"
          size="sm"
          h="auto"
          mih={36}
          py={8}
          maw="100%"
          styles={{ label: { whiteSpace: "normal", lineHeight: 1.3 } }}
        >
          {t("pdf")}
        </Button>
      </Group>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("title")}>
        {PERSONAL_DATA.map((entry) => (
          <Paper component="li" withBorder p="md" key={entry.table}>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {entry.what[locale]}
              </Title>
              <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
                <Field label={t("purpose")} value={entry.purpose[locale]} />
                <Field label={t("seenBy")} value={entry.seenBy[locale]} />
                <Field label={t("retention")} value={describeRetentionOf(entry, periods)[locale]} />
                <Field label={t("erasure")} value={ERASURE_TEXT[entry.erasure][locale]} />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {value}
      </Text>
    </div>
  );
}

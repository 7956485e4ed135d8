import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FriendRequest } from "../../domain/competences/scan-api";
import { useApiSubmit } from "../forms";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import { behaviourKeysOf, CompetenceSection, ScaleLegend } from "./Rating";

type Values = { ratings: Record<string, string> };

/**
 * What a critical friend fills in: whose scan, the scale, each behaviour on it ("I don't know"
 * leaves one open), then send or decline. The same for a member and for someone by a link.
 */
export function FriendRatingForm({
  request,
  onAnswer,
  onDecline,
}: {
  request: FriendRequest;
  onAnswer: (ratings: Record<string, number | null>) => Promise<unknown>;
  onDecline: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation("scans");
  const form = useForm<Values>({
    initialValues: { ratings: Object.fromEntries(behaviourKeysOf(request.framework).map((k) => [k, ""])) },
  });
  const { run, formError, pending, pendingKey } = useApiSubmit(form);
  const [done, setDone] = useState<"answered" | "declined" | null>(null);
  const name = request.ownerName;

  if (done)
    return (
      <Alert color="green" variant="light" role="status">
        {done === "answered" ? t("rate.thanks") : t("rate.declined", { name })}
      </Alert>
    );

  const submit = form.onSubmit((values) =>
    run(async () => {
      await onAnswer(
        Object.fromEntries(Object.entries(values.ratings).map(([key, value]) => [key, value ? Number(value) : null])),
      );
      setDone("answered");
    }, "answer"),
  );
  const total = request.framework.competences.length;
  return (
    <Stack>
      <Text>{t("rate.intro", { name })}</Text>
      <Text size="sm" c="dimmed">
        {t("rate.until", { date: formatDate(request.expiresAt, i18n.language) })}
      </Text>
      <ScaleLegend scale={request.framework.scale} />
      <form noValidate onSubmit={submit}>
        <Stack>
          {request.framework.competences.map((competence, index) => (
            <CompetenceSection
              key={competence.key}
              competence={competence}
              index={index}
              total={total}
              scale={request.framework.scale}
              ratingOf={(key) => form.values.ratings[key] ?? ""}
              onChange={(key, value) => form.setFieldValue(`ratings.${key}`, value)}
              errorOf={(key) => form.errors[`ratings.${key}`]}
              dontKnow={t("rate.dontKnow")}
            />
          ))}
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pendingKey === "answer"} disabled={pending && pendingKey !== "answer"}>
              {t("rate.submit")}
            </Button>
            <Button
              variant="default"
              loading={pendingKey === "decline"}
              disabled={pending && pendingKey !== "decline"}
              onClick={() =>
                void run(async () => {
                  await onDecline();
                  setDone("declined");
                }, "decline")
              }
            >
              {t("rate.decline")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

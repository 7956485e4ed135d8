import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { normalizeName } from "../../domain/registrations/types";
import { api } from "../api";
import { useAction } from "../forms";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type CheckInList, eventKeys, eventPath, refreshEvents, useCheckIn } from "./model";
import "./texts";

/**
 * The check-in on the day, made for a phone: the trainer searches a name and ticks it. Each tick
 * is saved at once; the list shows how many are there.
 */
export default function CheckInPage() {
  const { eventId = "" } = useParams();
  const { t, i18n } = useTranslation("events");
  const queryClient = useQueryClient();
  const query = useCheckIn(eventId);
  const [search, setSearch] = useState("");
  const scannedId = useSearchParams()[0].get("persoon");
  const action = useAction(async (input: { userId: string; present: boolean }) => {
    const list = await api<CheckInList>(`/events/${eventId}/check-in`, { method: "POST", body: input });
    queryClient.setQueryData(eventKeys.checkIn(eventId), list);
    await refreshEvents(queryClient);
    return list;
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={eventPath(eventId)} error={query.error} notFound={t("event.notFound")} />;
  const list = query.data;
  const present = list.people.filter((p) => p.present).length;
  const shown = list.people.filter((p) => normalizeName(p.name).includes(normalizeName(search)));
  return (
    <Stack gap="md" maw={640}>
      <BackLink to={eventPath(eventId)}>{t("checkIn.back")}</BackLink>
      <PageTitle>{t("checkIn.title", { title: list.title })}</PageTitle>
      <Text mt={-8} size="sm">
        {formatDateTime(list.startsAt, i18n.language)}
      </Text>
      <Text fw={600} role="status">
        {t("checkIn.count", { present, total: list.people.length })}
      </Text>
      {scannedId && (
        <Alert
          color="blue"
          variant="light"
          title={t("checkIn.scanned")}
          styles={{ message: { color: "var(--mantine-color-text)" } }}
        >
          {(() => {
            const scanned = list.people.find((p) => p.userId === scannedId);
            if (!scanned) return t("checkIn.unknownCode");
            if (scanned.present) return t("checkIn.scannedPresent", { name: scanned.name });
            return (
              <Button
                size="md"
                loading={action.pending && action.pendingInput?.userId === scanned.userId}
                onClick={() => action.run({ userId: scanned.userId, present: true })}
              >
                {t("checkIn.markPresent", { name: scanned.name })}
              </Button>
            );
          })()}
        </Alert>
      )}
      <TextInput
        type="search"
        label={t("checkIn.search")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        size="md"
        autoComplete="off"
      />
      <FormError message={action.error} />
      {list.people.length === 0 && <Text c="dimmed">{t("checkIn.empty")}</Text>}
      {list.people.length > 0 && shown.length === 0 && <Text c="dimmed">{t("checkIn.nobody")}</Text>}
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {shown.map((person) => (
          <Paper component="li" key={person.userId} withBorder p="sm">
            <Checkbox
              size="md"
              label={person.name}
              aria-label={t("checkIn.present", { name: person.name })}
              // Ticked at once while the tick is saved; back as it was if saving fails.
              checked={action.pendingInput?.userId === person.userId ? action.pendingInput.present : person.present}
              onChange={(e) => action.run({ userId: person.userId, present: e.currentTarget.checked })}
            />
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

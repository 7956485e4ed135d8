import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ParticipantRole } from "../../domain/regimes/schema";
import { api } from "../api";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { notifySuccess } from "../shell/notify";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import { afterMeetingChange, type MeetingDetail } from "./model";
import { Section } from "./Section";
import "./texts";

/**
 * The parts of the report other participants write for a meeting of this type: the BPV-docent's
 * in a three-way conversation, the care team's co-guides' in a progress conversation. Each writes
 * their own; the others read them with the notes.
 */
export function PartsSection({
  meeting,
  roles,
  onReload,
}: {
  meeting: MeetingDetail;
  roles: readonly ParticipantRole[];
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t, i18n } = useTranslation("meetings");
  const { text } = useRegimeText();
  const label = (role: ParticipantRole) => text(meeting.regime.participants.find((p) => p.role === role)?.label, role);
  return (
    <Section id="meeting-parts" title={t("parts.heading")}>
      <Stack gap="md">
        {roles.map((role) => {
          const written = meeting.parts.filter((p) => p.role === role && !p.own);
          return (
            <Stack key={role} gap="sm">
              {meeting.abilities.writePart === role && (
                <PartForm meeting={meeting} label={label(role)} onReload={onReload} />
              )}
              {written.map((part) => (
                <Stack key={`${part.role}-${part.writtenBy}-${part.updatedAt}`} gap={4}>
                  <Text fw={500}>{t("parts.of", { role: label(role) })}</Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {part.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("parts.writtenBy", {
                      name: part.writtenBy ?? t("parts.someone"),
                      date: formatDateTime(part.updatedAt, i18n.language),
                    })}
                  </Text>
                </Stack>
              ))}
              {written.length === 0 && meeting.abilities.writePart !== role && (
                <Text size="sm" c="dimmed">
                  {t("parts.none", { role: label(role) })}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Section>
  );
}

function PartForm({
  meeting,
  label,
  onReload,
}: {
  meeting: MeetingDetail;
  label: string;
  onReload: () => Promise<MeetingDetail | undefined>;
}) {
  const { t } = useTranslation("meetings");
  const queryClient = useQueryClient();
  const own = (detail: MeetingDetail) => detail.parts.find((p) => p.own);
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: meeting,
    toForm: (detail: MeetingDetail) => ({ text: own(detail)?.text ?? "" }),
    version: (row) => own(row)?.version ?? null,
    reload: onReload,
    validate: { text: (v: string) => (v.trim() ? null : t("parts.required")) },
    save: (values: { text: string }, version) =>
      api<MeetingDetail>(`/meetings/${meeting.id}/part`, { method: "PUT", body: { version, text: values.text } }),
    onSaved: async (saved) => {
      if (saved) await afterMeetingChange(queryClient, saved);
      notifySuccess(t("parts.saved"));
    },
  });
  return (
    <form noValidate onSubmit={onSubmit()}>
      <Stack gap="sm">
        <Textarea
          label={t("parts.own", { role: label })}
          description={t("parts.ownHint")}
          withAsterisk
          autosize
          minRows={4}
          maxLength={20_000}
          {...form.getInputProps("text")}
        />
        <VersionNotices {...notices} />
        <Group>
          <Button type="submit" loading={pending}>
            {t("parts.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

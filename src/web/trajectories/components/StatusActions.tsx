import { Alert, Box, Button, Group, List, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { useRegimeText } from "../../i18n/regime-text";
import { Dialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { todayIso } from "../date-input";
import { type TrajectoryDetail, trajectoryApi, useStoreDetail } from "../model";
import "../texts";

type TransitionView = TrajectoryDetail["transitions"][number];
type Blocker = { code: string; text: string };
type Mode = "plain" | "reason" | "override";

/**
 * The status changes this person could make now. Allowed ones are buttons; blocked ones say
 * what stands in the way; where the regime allows it, "Toch doorgaan" asks for a written reason.
 * Every change is confirmed in a dialog, which asks for the reason where one is needed.
 */
export function StatusActions({ detail }: { detail: TrajectoryDetail }) {
  const { t } = useTranslation("trajectories");
  const { statusLabel } = useRegimeText();
  const [chosen, setChosen] = useState<{ transition: TransitionView; mode: Mode } | null>(null);
  const [open, setOpen] = useState(false);
  // Each opening starts empty, not with a reason typed in a cancelled dialog.
  const [openings, setOpenings] = useState(0);

  if (detail.transitions.length === 0) return <Text size="sm">{t("status.noActions")}</Text>;

  function choose(transition: TransitionView, mode: Mode) {
    setChosen({ transition, mode });
    setOpenings((n) => n + 1);
    setOpen(true);
  }

  return (
    <Stack gap="sm">
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {detail.transitions.map((tr) => {
          const danger = tr.to === "aborted" || tr.reasons.length > 0;
          const headingId = `transition-${tr.key}`;
          return (
            <Box component="li" key={tr.key}>
              {tr.allowed ? (
                <Button
                  variant={danger ? "outline" : "filled"}
                  color={danger ? "red.9" : undefined}
                  onClick={() => choose(tr, tr.needsReason ? "reason" : "plain")}
                >
                  {tr.label}
                </Button>
              ) : (
                <Box role="group" aria-labelledby={headingId}>
                  <Text fw={500} id={headingId}>
                    {tr.label}
                  </Text>
                  <Text size="sm">{t("status.notYet")}</Text>
                  <List size="sm">
                    {tr.blockers.map((b) => (
                      <List.Item key={b.code + b.text}>{b.text}</List.Item>
                    ))}
                  </List>
                  {tr.overridable && (
                    <Button mt="xs" size="xs" variant="light" onClick={() => choose(tr, "override")}>
                      {t("status.override")}
                    </Button>
                  )}
                </Box>
              )}
            </Box>
          );
        })}
      </Stack>
      {chosen && (
        <TransitionDialog
          key={openings}
          opened={open}
          onClose={() => setOpen(false)}
          detail={detail}
          transition={chosen.transition}
          mode={chosen.mode}
          toLabel={statusLabel(detail.regime, chosen.transition.to)}
        />
      )}
    </Stack>
  );
}

function TransitionDialog({
  opened,
  onClose,
  detail,
  transition,
  mode,
  toLabel,
}: {
  opened: boolean;
  onClose: () => void;
  detail: TrajectoryDetail;
  transition: TransitionView;
  mode: Mode;
  toLabel: string;
}) {
  const { t } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
  const store = useStoreDetail();
  const choosing = transition.reasons.length > 0;
  const today = todayIso();
  const form = useForm({
    initialValues: { reason: "", reasonCode: "", on: transition.needsDate ? today : "" },
    validate: {
      reason: (v) => (mode !== "plain" && !v.trim() ? t("status.reasonRequired") : null),
      reasonCode: (v) => (choosing && !v ? t("status.reasonChoiceRequired") : null),
      on: (v) =>
        !transition.needsDate ? null : !v ? t("status.onRequired") : v > today ? t("status.onInFuture") : null,
    },
  });
  const [blockers, setBlockers] = useState<Blocker[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBlockers([]);
    try {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/transitions`, {
        body: {
          transition: transition.key,
          // Beside a reason from the list, a note may explain it.
          reason: mode === "plain" && !choosing ? null : values.reason || null,
          ...(choosing ? { reasonCode: values.reasonCode } : {}),
          ...(transition.needsDate ? { on: values.on } : {}),
          ...(mode === "override" ? { override: true } : {}),
        },
      });
      await store(fresh);
      notifySuccess(t("status.changed", { status: toLabel }));
      form.reset();
      onClose();
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(tc("errors.offline"));
      const found = Array.isArray(e.problem.blockers) ? (e.problem.blockers as Blocker[]) : [];
      setBlockers(found);
      const { reason, reasonCode, on, ...other } = e.fieldErrors;
      if (reason) form.setFieldError("reason", reason);
      if (reasonCode) form.setFieldError("reasonCode", reasonCode);
      if (on) form.setFieldError("on", on);
      const rest = Object.values(other);
      setError(rest.length ? rest.join(" ") : reason || reasonCode || on ? null : e.problem.title);
    }
  });

  return (
    <Dialog opened={opened} onClose={onClose} title={transition.label}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("status.confirm", { status: toLabel })}</Text>
          {mode === "override" && (
            <Alert color="orange" variant="light" styles={{ title: { color: "var(--mantine-color-text)" } }}>
              <Text size="sm">{t("status.overrideIntro")}</Text>
              <List size="sm" mt={4}>
                {transition.blockers.map((b) => (
                  <List.Item key={b.code + b.text}>{b.text}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <FormError message={error} />
          {blockers.length > 0 && (
            <List size="sm">
              {blockers.map((b) => (
                <List.Item key={b.code + b.text}>{b.text}</List.Item>
              ))}
            </List>
          )}
          {choosing && (
            <NativeSelect
              label={t("status.reasonChoice")}
              description={t("status.reasonChoiceHint")}
              withAsterisk
              data={[{ value: "", label: t("status.reasonChoiceEmpty") }, ...transition.reasons]}
              {...form.getInputProps("reasonCode")}
            />
          )}
          {transition.needsDate && (
            <TextInput
              type="date"
              label={t("status.on")}
              description={t("status.onHint")}
              withAsterisk
              max={today}
              {...form.getInputProps("on")}
            />
          )}
          {choosing && mode === "plain" && (
            <Textarea
              label={t("status.reasonNote")}
              description={t("status.reasonNoteHint")}
              autosize
              minRows={2}
              maxLength={5000}
              {...form.getInputProps("reason")}
            />
          )}
          {mode !== "plain" && (
            <Textarea
              label={mode === "override" ? t("status.overrideReason") : t("status.reason")}
              description={mode === "override" ? t("status.overrideReasonHint") : t("status.reasonHint")}
              withAsterisk
              autosize
              minRows={3}
              maxLength={5000}
              {...form.getInputProps("reason")}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
            <Button
              type="submit"
              loading={form.submitting}
              color={transition.to === "aborted" || choosing ? "red.9" : undefined}
            >
              {mode === "override" ? t("status.override") : transition.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

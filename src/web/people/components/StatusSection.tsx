import { Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { ConfirmDialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { type PersonDetail, peopleKeys } from "./model";
import { StatusBadge } from "./StatusBadge";
import "../texts";

/** Deactivate or reactivate, offered only when the server says this admin may. */
export function StatusSection({ person, onReload }: { person: PersonDetail; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = person.abilities.deactivate ? "deactivate" : person.abilities.reactivate ? "reactivate" : null;
  // Fixed when the dialog opens, so its texts don't flip while it closes after the change.
  const [confirmed, setConfirmed] = useState<"deactivate" | "reactivate">("deactivate");

  function open() {
    if (!action) return;
    setConfirmed(action);
    confirm.open();
  }

  async function change() {
    const action = confirmed;
    setBusy(true);
    setError(null);
    try {
      const fresh = await api<PersonDetail>(`/people/${person.id}/${action}`, { body: { version: person.version } });
      queryClient.setQueryData(peopleKeys.person(person.id), fresh);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      notifySuccess(t(action === "deactivate" ? "person.deactivated" : "person.reactivated", { name: person.name }));
      confirm.close();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await onReload();
        setError(t("person.statusConflict"));
        confirm.close();
      } else {
        setError(e instanceof ApiError ? e.problem.title : tc("errors.offline"));
      }
    } finally {
      setBusy(false);
    }
  }

  // An invited member whose invitation lapsed or was revoked can be invited again.
  const withoutPassword = person.status === "invited";
  const explanation =
    person.status === "deactivated"
      ? t("person.deactivatedText")
      : person.status === "invited"
        ? t("person.invitedText")
        : t("person.activeText");

  async function invite() {
    setBusy(true);
    setError(null);
    try {
      await api("/invitations", { body: { email: person.email, name: person.name, roles: person.roles } });
      await queryClient.invalidateQueries({ queryKey: ["invitations"] });
      notifySuccess(t("person.invitationSent", { email: person.email }));
    } catch (e) {
      setError(e instanceof ApiError ? (Object.values(e.fieldErrors)[0] ?? e.problem.title) : tc("errors.offline"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <StatusBadge status={person.status} />
      </Group>
      <Text size="sm">{explanation}</Text>
      {!action && person.status !== "deactivated" && person.abilities.edit && (
        <Text size="sm" c="dimmed">
          {t("person.selfText")}
        </Text>
      )}
      <FormError message={error} />
      {withoutPassword && person.abilities.edit && (
        <Group>
          <Button variant="light" loading={busy} onClick={invite}>
            {t("person.sendInvitation")}
          </Button>
        </Group>
      )}
      {action && (
        <Group>
          <Button color={action === "deactivate" ? "red" : undefined} variant="light" onClick={open}>
            {t(`person.${action}`)}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={confirm.close}
        title={t(confirmed === "reactivate" ? "person.confirmReactivateTitle" : "person.confirmDeactivateTitle", {
          name: person.name,
        })}
        text={t(confirmed === "reactivate" ? "person.confirmReactivate" : "person.confirmDeactivate", {
          name: person.name,
        })}
        confirmLabel={t(`person.${confirmed}`)}
        onConfirm={change}
        busy={busy}
        danger={confirmed === "deactivate"}
      />
    </Stack>
  );
}

import { Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { useAction } from "../../forms";
import { ConfirmDialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { EndedOn } from "./EndedOn";
import { type PersonDetail, peopleKeys } from "./model";
import { StatusBadge } from "./StatusBadge";
import "../texts";

/** Deactivate or reactivate, offered only when the server says this admin may. */
export function StatusSection({ person, onReload }: { person: PersonDetail; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation("people");
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const action = person.abilities.deactivate ? "deactivate" : person.abilities.reactivate ? "reactivate" : null;
  // Fixed when the dialog opens, so its texts don't flip while it closes after the change.
  const [confirmed, setConfirmed] = useState<"deactivate" | "reactivate">("deactivate");

  function open() {
    if (!action) return;
    setConfirmed(action);
    confirm.open();
  }

  /** Changes the status as confirmed, or sends the invitation again; one runs at a time. */
  const act = useAction(async (kind: "change" | "invite") => {
    try {
      if (kind === "invite") {
        await api("/invitations", { body: { email: person.email, name: person.name, roles: person.roles } });
        await queryClient.invalidateQueries({ queryKey: ["invitations"] });
        notifySuccess(t("person.invitationSent", { email: person.email }));
        return;
      }
      const action = confirmed;
      const fresh = await api<PersonDetail>(`/people/${person.id}/${action}`, { body: { version: person.version } });
      queryClient.setQueryData(peopleKeys.person(person.id), fresh);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      notifySuccess(t(action === "deactivate" ? "person.deactivated" : "person.reactivated", { name: person.name }));
      confirm.close();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // A status changed meanwhile: show the person as they are now, and say so.
      if (kind === "change" && e.status === 409) {
        await onReload();
        confirm.close();
      }
      const title =
        kind === "invite"
          ? (Object.values(e.fieldErrors)[0] ?? e.problem.title)
          : e.status === 409
            ? t("person.statusConflict")
            : e.problem.title;
      throw new ApiError({ ...e.problem, title });
    }
  });
  const change = () => act.run("change");

  // An invited member whose invitation lapsed or was revoked can be invited again.
  const withoutPassword = person.status === "invited";
  const explanation =
    person.status === "deactivated"
      ? t("person.deactivatedText")
      : person.status === "invited"
        ? t("person.invitedText")
        : t("person.activeText");

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <StatusBadge status={person.status} />
        <EndedOn endedOn={person.endedOn} />
      </Group>
      <Text size="sm">{explanation}</Text>
      {!action && person.status !== "deactivated" && person.abilities.edit && (
        <Text size="sm" c="dimmed">
          {t("person.selfText")}
        </Text>
      )}
      <FormError message={act.error} />
      {withoutPassword && person.abilities.edit && (
        <Group>
          <Button variant="light" loading={act.pendingInput === "invite"} onClick={() => act.run("invite")}>
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
        busy={act.pendingInput === "change"}
        danger={confirmed === "deactivate"}
      />
    </Stack>
  );
}

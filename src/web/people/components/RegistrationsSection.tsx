import { Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OTHER_TYPE, typeById } from "../../../domain/registrations/types";
import { ApiError, api } from "../../api";
import { formatDate } from "../../i18n";
import { ConfirmDialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { ListTable } from "../../shell/ListTable";
import { notifySuccess } from "../../shell/notify";
import { type PersonDetail, peopleKeys, type RegistrationResponse } from "./model";
import { RegistrationModal } from "./RegistrationModal";
import "../texts";

type Editing = { registration: RegistrationResponse | null } | null;

export function RegistrationsSection({
  person,
  onReload,
}: {
  person: PersonDetail;
  onReload: () => Promise<PersonDetail | undefined>;
}) {
  const { t, i18n } = useTranslation("people");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<RegistrationResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canEdit = person.abilities.edit;
  const locale = i18n.language.startsWith("en") ? "en" : "nl";
  const typeName = (r: RegistrationResponse) =>
    r.typeId === OTHER_TYPE
      ? `${r.registrationType} (${t("registrations.otherBadge")})`
      : (typeById(r.register, r.typeId)?.label[locale] ?? r.registrationType);

  const removal = useMutation({
    mutationFn: (registration: RegistrationResponse) =>
      api(`/people/${person.id}/registrations/${registration.id}?version=${registration.version}`, {
        method: "DELETE",
      }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t("registrations.deleted"));
      await queryClient.invalidateQueries({ queryKey: peopleKeys.person(person.id) });
    },
    onError: async (e) => {
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) {
        setError(t(e.status === 409 ? "registrations.deleteConflict" : "registrations.gone"));
        await onReload();
      } else {
        setError(e instanceof ApiError ? e.problem.title : tc("errors.offline"));
      }
    },
    onSettled: () => setDeleting(null),
  });
  const remove = (registration: RegistrationResponse) => removal.mutate(registration);
  const busy = removal.isPending;

  return (
    <Stack gap="sm">
      <FormError message={error} />
      {person.registrations.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("registrations.empty")}
        </Text>
      ) : (
        <ListTable
          rows={person.registrations}
          rowKey={(r) => r.id}
          label={t("registrations.caption", { name: person.name })}
          minWidth={680}
          compact
          columns={[
            {
              key: "register",
              header: t("registrations.register"),
              cell: (r) => t(`registrations.registers.${r.register}`),
            },
            { key: "type", header: t("registrations.registrationType"), cell: typeName },
            { key: "number", header: t("registrations.number"), cell: (r) => r.number },
            {
              key: "validUntil",
              header: t("registrations.validUntil"),
              cell: (r) => formatDate(r.validUntil, i18n.language),
            },
            {
              key: "reregistrationDate",
              header: t("registrations.reregistrationDate"),
              cell: (r) => formatDate(r.reregistrationDate, i18n.language),
            },
            canEdit && {
              key: "actions",
              header: t("registrations.actions"),
              cell: (r) => (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t("registrations.editLabel", { number: r.number })}
                    onClick={() => setEditing({ registration: r })}
                  >
                    {t("registrations.edit")}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={t("registrations.deleteLabel", { number: r.number })}
                    onClick={() => setDeleting(r)}
                  >
                    {t("registrations.delete")}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      {canEdit && (
        <Group>
          <Button variant="light" onClick={() => setEditing({ registration: null })}>
            {t("registrations.add")}
          </Button>
        </Group>
      )}
      {editing && (
        <RegistrationModal
          key={editing.registration?.id ?? "new"}
          person={person}
          registration={editing.registration}
          onClose={() => setEditing(null)}
          onReload={onReload}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t("registrations.confirmDeleteTitle")}
        text={
          deleting
            ? t("registrations.confirmDelete", {
                number: deleting.number,
                register: t(`registrations.registers.${deleting.register}`),
              })
            : ""
        }
        confirmLabel={t("registrations.delete")}
        onConfirm={() => deleting && remove(deleting)}
        busy={busy}
        danger
      />
    </Stack>
  );
}

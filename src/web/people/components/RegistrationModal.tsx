import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REGISTERS } from "../../../domain/people/schemas";
import { OTHER_TYPE, typesOf } from "../../../domain/registrations/types";
import { api } from "../../api";
import { useProfiles } from "../../evidence/model";
import { useRegimeText } from "../../i18n/regime-text";
import { Dialog } from "../../shell/Dialog";
import { notifySuccess } from "../../shell/notify";
import { VersionNotices } from "../../shell/VersionNotices";
import { useVersionedForm } from "../../versioned-form";
import {
  emptyRegistration,
  type PersonDetail,
  peopleKeys,
  type RegistrationFormValues,
  type RegistrationResponse,
  registrationBody,
  registrationToForm,
} from "./model";
import "../texts";
import { FIRST_DATE, LAST_DATE } from "../../../domain/dates";

interface Props {
  person: PersonDetail;
  /** Absent when adding a new registration. */
  registration: RegistrationResponse | null;
  onClose: () => void;
  onReload: () => Promise<PersonDetail | undefined>;
}

/** Mounted per open dialog, so each starts from the registration it edits. */
export function RegistrationModal({ person, registration, onClose, onReload }: Props) {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: registration,
    toForm: (row) => (row ? registrationToForm(row) : emptyRegistration),
    version: (row) => row?.version ?? null,
    reload: async () => (await onReload())?.registrations.find((r) => r.id === registration?.id),
    save: async (values: RegistrationFormValues, version) => {
      const base = `/people/${person.id}/registrations`;
      if (registration)
        await api(`${base}/${registration.id}`, { method: "PUT", body: { ...registrationBody(values), version } });
      else await api(base, { body: registrationBody(values) });
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.person(person.id) });
      notifySuccess(t("registrations.saved"));
      onClose();
    },
  });
  const { text, locale } = useRegimeText();
  const profiles = useProfiles();
  // The chosen register's own list of types, then "other" with a name of its own.
  const listed = typesOf(form.values.register);
  const typeOptions = [
    ...(listed.length && !form.values.typeId
      ? [{ value: "", label: t("registrations.chooseType"), disabled: true }]
      : []),
    ...listed.map((type) => ({ value: type.id, label: type.label[locale] })),
    { value: OTHER_TYPE, label: t("registrations.otherType") },
  ];
  const isOther = form.values.typeId === OTHER_TYPE || !listed.length;
  const profileOptions = [
    { value: "", label: t("registrations.noProfile") },
    ...(profiles.data?.items ?? []).map((p) => ({ value: p.key, label: text(p.document.name) })),
  ];
  const chosen = form.values.requirementProfile;
  if (chosen && !profileOptions.some((o) => o.value === chosen)) profileOptions.push({ value: chosen, label: chosen });

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(registration ? "registrations.editTitle" : "registrations.addTitle")}
      size="lg"
    >
      <form onSubmit={onSubmit()} noValidate>
        <Stack>
          <VersionNotices
            {...notices}
            field={(key) => t(`registrations.${key}` as "registrations.number")}
            gone={t("registrations.gone")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("registrations.register")}
              required
              data={REGISTERS.map((r) => ({ value: r, label: t(`registrations.registers.${r}`) }))}
              {...form.getInputProps("register")}
              onChange={(event) => {
                // Another register has another list: the type is chosen again.
                form.setFieldValue("register", event.currentTarget.value);
                form.setFieldValue("typeId", typesOf(event.currentTarget.value).length ? "" : OTHER_TYPE);
              }}
            />
            <TextInput
              label={t("registrations.number")}
              required
              autoComplete="off"
              {...form.getInputProps("number")}
            />
          </SimpleGrid>
          <NativeSelect
            label={t("registrations.typeId")}
            description={t("registrations.typeHint")}
            required
            data={typeOptions}
            {...form.getInputProps("typeId")}
            value={isOther ? OTHER_TYPE : form.values.typeId}
          />
          {isOther && (
            <TextInput
              label={t("registrations.otherTypeField")}
              description={t("registrations.otherTypeHint")}
              required
              autoComplete="off"
              maxLength={200}
              {...form.getInputProps("registrationType")}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t("registrations.validUntil")}
              min={FIRST_DATE}
              max={LAST_DATE}
              {...form.getInputProps("validUntil")}
            />
            <TextInput
              type="date"
              label={t("registrations.reregistrationDate")}
              min={FIRST_DATE}
              max={LAST_DATE}
              {...form.getInputProps("reregistrationDate")}
            />
          </SimpleGrid>
          <NativeSelect
            label={t("registrations.requirementProfile")}
            description={t("registrations.profileHint")}
            data={profileOptions}
            {...form.getInputProps("requirementProfile")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {tc("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

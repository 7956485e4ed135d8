import { NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { RolePicker } from "../../shell/RolePicker";
import type { PersonFormValues } from "./model";
import "../texts";

const DREYFUS_LEVELS = ["1", "2", "3", "4", "5"] as const;

/** The fields of a person, shared by the create dialog and the edit form. */
export function PersonFields({
  form,
  emailEditable,
  nameRequired = true,
}: {
  form: UseFormReturnType<PersonFormValues>;
  /** Creating: the e-mail the invitation goes to, and the name the admin types. Editing: neither is the account's. */
  emailEditable: boolean;
  nameRequired?: boolean;
}) {
  const { t } = useTranslation("people");
  return (
    <Stack gap="sm">
      {emailEditable ? (
        <TextInput label={t("fields.name")} required autoComplete="off" {...form.getInputProps("name")} />
      ) : (
        <TextInput
          label={t("fields.displayName")}
          description={t("fields.displayNameHint")}
          required={nameRequired}
          autoComplete="off"
          {...form.getInputProps("name")}
        />
      )}
      {emailEditable ? (
        <TextInput
          label={t("fields.email")}
          description={t("fields.emailHint")}
          type="email"
          required
          autoComplete="off"
          {...form.getInputProps("email")}
        />
      ) : (
        <TextInput
          label={t("fields.email")}
          description={t("fields.emailReadonly")}
          value={form.values.email}
          readOnly
          variant="filled"
        />
      )}
      <RolePicker label={t("fields.roles")} {...form.getInputProps("roles")} />
      <TextInput label={t("fields.jobTitle")} autoComplete="off" {...form.getInputProps("jobTitle")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t("fields.academicExperienceYears")}
          min={0}
          max={70}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps("academicExperienceYears")}
        />
        <NativeSelect
          label={t("fields.dreyfusLevel")}
          data={[
            { value: "", label: t("fields.dreyfusNone") },
            ...DREYFUS_LEVELS.map((level) => ({ value: level, label: t(`dreyfus.${level}`) })),
          ]}
          {...form.getInputProps("dreyfusLevel")}
        />
      </SimpleGrid>
    </Stack>
  );
}

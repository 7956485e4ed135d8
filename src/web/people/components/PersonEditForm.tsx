import { Button, Group, NativeSelect, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { notifySuccess } from "../../shell/notify";
import { VersionNotices } from "../../shell/VersionNotices";
import { useVersionedForm } from "../../versioned-form";
import {
  type PersonDetail,
  type PersonFormValues,
  peopleKeys,
  personBody,
  personToForm,
  useManagerCandidates,
} from "./model";
import { PersonFields } from "./PersonFields";
import "../texts";

const fieldLabel: Record<string, string> = {
  name: "fields.displayName",
  roles: "fields.roles",
  jobTitle: "fields.jobTitle",
  academicExperienceYears: "fields.academicExperienceYears",
  dreyfusLevel: "fields.dreyfusLevel",
  managerId: "fields.managerId",
};

/**
 * Edits a person. A newer server version (after a 409 and "load the new version", or after a
 * status change) is merged in: untouched fields follow the server, typed input stays.
 */
export function PersonEditForm({
  person,
  onReload,
}: {
  person: PersonDetail;
  onReload: () => Promise<PersonDetail | undefined>;
}) {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: person,
    toForm: personToForm,
    version: (row) => row.version,
    reload: onReload,
    save: (values: PersonFormValues, version) =>
      api<PersonDetail>(`/people/${person.id}`, {
        method: "PUT",
        body: {
          ...personBody(values),
          displayName: values.name.trim() ? values.name : null,
          managerId: values.managerId || null,
          version,
        },
      }),
    onSaved: async (saved) => {
      queryClient.setQueryData(peopleKeys.person(person.id), saved);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      notifySuccess(t("person.saved"));
    },
  });
  const candidates = useManagerCandidates();
  const managerOptions = [
    { value: "", label: t("fields.managerNone") },
    ...(candidates.data?.items ?? []).filter((p) => p.id !== person.id).map((p) => ({ value: p.id, label: p.name })),
  ];
  // The current manager stays choosable even when outside the first page of colleagues.
  if (person.managerId && !managerOptions.some((o) => o.value === person.managerId))
    managerOptions.push({ value: person.managerId, label: person.managerName ?? person.managerId });

  const describe = (key: string, values: PersonFormValues) => {
    const value = values[key];
    if (key === "roles") return (value as string[]).map((r) => tc(`roles.${r}`)).join(", ");
    if (key === "dreyfusLevel" && value) return t(`dreyfus.${value as "1"}`);
    if (key === "managerId")
      return value ? (managerOptions.find((o) => o.value === value)?.label ?? String(value)) : t("fields.managerNone");
    return value === "" || value === null ? tc("conflict.empty") : String(value);
  };

  return (
    <form onSubmit={onSubmit()} noValidate>
      <Stack>
        <VersionNotices {...notices} field={(key) => t(fieldLabel[key] as "fields.name")} value={describe} />
        <PersonFields form={form} emailEditable={false} nameRequired={person.status === "invited"} />
        <NativeSelect
          label={t("fields.managerId")}
          description={t("fields.managerHint")}
          data={managerOptions}
          {...form.getInputProps("managerId")}
        />
        <Group>
          <Button type="submit" loading={pending} disabled={!person.abilities.edit}>
            {t("person.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

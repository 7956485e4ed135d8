import { Alert, Button, Group, List, NativeSelect, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useApiSubmit } from "../../forms";
import { ConflictNotice } from "../../shell/ConflictNotice";
import { FormError } from "../../shell/FormError";
import { mergeReloaded } from "../../shell/merge";
import { notifySuccess } from "../../shell/notify";
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
export function PersonEditForm({ person, onReload }: { person: PersonDetail; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PersonFormValues>({ initialValues: personToForm(person) });
  const baseline = useRef<PersonFormValues>(personToForm(person));
  const [clashes, setClashes] = useState<Array<{ field: string; value: string }>>([]);
  const [reloaded, setReloaded] = useState(false);
  const { run, formError, conflict, clearConflict } = useApiSubmit(form);
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
    return value === "" || value === null ? t("person.empty") : String(value);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: merges when the server's version changes, not on every render
  useEffect(() => {
    if (person.version === baseline.current.version) return;
    const fresh = personToForm(person);
    const merged = mergeReloaded(form.getValues(), baseline.current, fresh);
    baseline.current = fresh;
    form.setValues(merged.values);
    setClashes(merged.clashes.map((key) => ({ field: String(key), value: describe(String(key), fresh) })));
  }, [person.version]);

  const submit = form.onSubmit((values) =>
    run(async () => {
      const saved = await api<PersonDetail>(`/people/${person.id}`, {
        method: "PUT",
        body: {
          ...personBody(values),
          displayName: values.name.trim() ? values.name : null,
          managerId: values.managerId || null,
          version: values.version,
        },
      });
      baseline.current = personToForm(saved);
      form.setValues(personToForm(saved));
      form.resetDirty();
      setClashes([]);
      setReloaded(false);
      queryClient.setQueryData(peopleKeys.person(person.id), saved);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      notifySuccess(t("person.saved"));
    }),
  );

  async function reload() {
    await onReload();
    clearConflict();
    setReloaded(true);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {conflict && <ConflictNotice onReload={reload} onDismiss={clearConflict} />}
        {reloaded && !conflict && (
          <Alert color="blue" variant="light" role="status">
            {t("person.reloaded")}
            {clashes.length > 0 && (
              <>
                <br />
                {t("person.changedWhileEditing")}
                <List size="sm" mt={4}>
                  {clashes.map((c) => (
                    <List.Item key={c.field}>
                      {t("person.serverValue", { field: t(fieldLabel[c.field] as "fields.name"), value: c.value })}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        <FormError message={formError} />
        <PersonFields form={form} emailEditable={false} nameRequired={person.status === "invited"} />
        <NativeSelect
          label={t("fields.managerId")}
          description={t("fields.managerHint")}
          data={managerOptions}
          {...form.getInputProps("managerId")}
        />
        <Group>
          <Button type="submit" loading={form.submitting} disabled={!person.abilities.edit}>
            {t("person.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

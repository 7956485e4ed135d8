import { Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ParticipantRole } from "../../../domain/regimes/schema";
import { optionalRoles } from "../../../domain/trajectories/policy";
import { api } from "../../api";
import { useApiSubmit } from "../../forms";
import { useRegimeText } from "../../i18n/regime-text";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { type TrajectoryDetail, trajectoryApi, useCandidates, useStoreDetail } from "../model";
import "../texts";

type Candidates = NonNullable<ReturnType<typeof useCandidates>["data"]>;

/** The candidates for each part that can be added while the trajectory runs. */
const CANDIDATES: Partial<Record<ParticipantRole, keyof Candidates>> = {
  commissioner: "commissioners",
  school: "schoolContacts",
  co_guide: "coGuides",
};

/**
 * Who takes part, for the guide and the opdrachtgever while the trajectory runs: add a colleague
 * of the care team as co-guide, the school's BPV-docent once known, or remove one again. The parts
 * the trajectory starts with (the person guided, the guides) stay as they are.
 */
export function ParticipantsManager({ detail }: { detail: TrajectoryDetail }) {
  const { t } = useTranslation("trajectories");
  const { text } = useRegimeText();
  const store = useStoreDetail();
  const candidates = useCandidates();
  const roles = optionalRoles(detail.regime).filter((role) => CANDIDATES[role]);
  // Start at a part that still has room (a co-guide, say, when the praktijkopleider is known).
  const hasRoom = (role: ParticipantRole) =>
    detail.participants.filter((p) => p.role === role).length <
    (detail.regime.participants.find((p) => p.role === role)?.max ?? 0);
  const form = useForm({
    initialValues: { role: roles.find(hasRoom) ?? roles[0] ?? "", personId: "" },
    validate: { personId: (v) => (v ? null : t("participants.choosePerson")) },
  });
  const { run, formError } = useApiSubmit(form);
  const label = (role: string) => text(detail.regime.participants.find((p) => p.role === role)?.label, role);
  const listKey = CANDIDATES[form.values.role as ParticipantRole];
  const taking = new Set(detail.participants.filter((p) => p.role === form.values.role).map((p) => p.personId));
  const people = ((listKey && candidates.data?.[listKey]) || []) as { id: string; name: string }[];
  const removable = detail.participants.filter((p) => roles.includes(p.role) && p.personId);

  const change = (path: string, body: { personId: string; role: string }, done: string) =>
    run(async () => {
      await store(await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/participants${path}`, { body }));
      notifySuccess(done);
    });

  if (roles.length === 0) return null;
  return (
    <Stack gap="sm" mt="md" component="section" aria-labelledby="trajectory-participants">
      <Title order={4} size="h5" id="trajectory-participants">
        {t("participants.heading")}
      </Title>
      {removable.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
          {removable.map((p) => (
            <Group component="li" key={`${p.role}-${p.userId}`} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">
                {p.name} ({label(p.role)})
              </Text>
              <Button
                size="xs"
                variant="outline"
                color="red.9"
                aria-label={`${t("participants.remove")}: ${p.name}`}
                onClick={() =>
                  change(
                    "/remove",
                    { personId: p.personId ?? "", role: p.role },
                    t("participants.removed", { name: p.name }),
                  )
                }
              >
                {t("participants.remove")}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const name = people.find((p) => p.id === values.personId)?.name ?? "";
          if (await change("", values, t("participants.added", { name }))) form.setFieldValue("personId", "");
        })}
      >
        <Stack gap="xs">
          <NativeSelect
            label={t("participants.role")}
            data={roles.map((role) => ({ value: role, label: label(role) }))}
            {...form.getInputProps("role")}
            onChange={(e) => {
              form.setFieldValue("role", e.currentTarget.value);
              form.setFieldValue("personId", "");
            }}
          />
          <NativeSelect
            label={t("participants.person")}
            withAsterisk
            data={[
              { value: "", label: t("participants.choose") },
              ...people.filter((p) => !taking.has(p.id)).map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...form.getInputProps("personId")}
          />
          <FormError message={formError} />
          <Group>
            <Button type="submit" variant="light" loading={form.submitting}>
              {t("participants.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

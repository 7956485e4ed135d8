import {
  Accordion,
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { goalTitleOf, type WorkProcess } from "../../../domain/qualifications/parse";
import { mayAddGoal, missingGoalFields } from "../../../domain/trajectories/evaluate";
import type { GoalRationale } from "../../../domain/trajectories/model";
import { ApiError, api } from "../../api";
import { useAction, useApiSubmit } from "../../forms";
import { formatDateTime } from "../../i18n";
import { useQualifications } from "../../qualifications/model";
import { ConfirmDialog, Dialog } from "../../shell/Dialog";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { VersionNotices } from "../../shell/VersionNotices";
import { useVersionedForm } from "../../versioned-form";
import { type TrajectoryDetail, trajectoryApi, useStoreDetail } from "../model";
import { Tag } from "./Tag";
import "../texts";

type Goal = NonNullable<TrajectoryDetail["goals"]>[number];
type Regime = TrajectoryDetail["regime"];

interface GoalValues extends Record<string, unknown> {
  version: number;
  title: string;
  rationale: string;
  successCriteria: string;
}

const emptyGoal: GoalValues = { version: 0, title: "", rationale: "", successCriteria: "" };
const goalToForm = (goal: Goal): GoalValues => ({
  version: goal.version,
  title: goal.title,
  rationale: goal.rationale ?? "",
  successCriteria: goal.successCriteria ?? "",
});
const goalBody = (values: GoalValues) => ({
  title: values.title,
  rationale: (values.rationale || null) as GoalRationale | null,
  successCriteria: values.successCriteria.trim() ? values.successCriteria : null,
});

const stateColors = { empty: "gray", unapproved: "orange", approved: "green", changed: "orange" } as const;

/** The goal list: its goals, its approval by the commissioner, and the versions approved before. */
export function GoalsSection({
  detail,
  onReload,
}: {
  detail: TrajectoryDetail;
  onReload: () => Promise<TrajectoryDetail | undefined>;
}) {
  const { t } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
  const store = useStoreDetail();
  const { regime, goalList } = detail;
  const goals = [...(detail.goals ?? [])].sort((a, b) => a.position - b.position);
  const [editing, setEditing] = useState<Goal | null>(null);
  // Each opening starts from the goal as it is, not from input left in a cancelled dialog.
  const [openings, setOpenings] = useState(0);
  const [editOpen, editDialog] = useDisclosure(false);
  const [removing, setRemoving] = useState<Goal | null>(null);
  const [removeOpen, removeDialog] = useDisclosure(false);
  const [approving, setApproving] = useState(false);
  const [approveError, setApproveError] = useState<string | null>(null);
  const approval = regime.goals.approvalByCommissioner;
  const needsApproval = goalList.state === "unapproved" || goalList.state === "changed";

  async function approve() {
    setApproving(true);
    setApproveError(null);
    try {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/goals/approve`, { body: {} });
      await store(fresh);
      notifySuccess(t("goals.approved"));
    } catch (e) {
      setApproveError(
        e instanceof ApiError ? (Object.values(e.fieldErrors)[0] ?? e.problem.title) : tc("errors.offline"),
      );
    } finally {
      setApproving(false);
    }
  }

  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="goals-list">
        <Group justify="space-between" gap="sm">
          <Title order={3} size="h4" id="goals-list">
            {t("goals.list")}
          </Title>
          {approval && <Tag color={stateColors[goalList.state]}>{t(`goals.state.${goalList.state}`)}</Tag>}
        </Group>
        <Text size="sm" c="dimmed">
          {regime.goals.max === null
            ? t("goals.count", { count: goals.length })
            : t("goals.countOfMax", { count: goals.length, max: regime.goals.max })}
        </Text>
        {goals.length === 0 && <Text size="sm">{t("goals.empty")}</Text>}
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-labelledby="goals-list">
          {goals.map((goal, index) => (
            <Paper component="li" key={goal.id} withBorder p="sm" radius="sm">
              <GoalText goal={goal} number={index + 1} />
              {approval && goalList.state === "changed" && goalList.unapprovedGoalIds.includes(goal.id) && (
                <Group mt={6}>
                  <Tag color="orange" size="sm">
                    {t("goals.changedSinceApproval")}
                  </Tag>
                </Group>
              )}
              {detail.abilities.editGoals && (
                <Group gap="xs" mt="xs">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t("goals.editLabel", { number: index + 1 })}
                    onClick={() => {
                      setEditing(goal);
                      setOpenings((n) => n + 1);
                      editDialog.open();
                    }}
                  >
                    {tc("actions.edit")}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    aria-label={t("goals.removeLabel", { number: index + 1 })}
                    onClick={() => {
                      setRemoving(goal);
                      setOpenings((n) => n + 1);
                      removeDialog.open();
                    }}
                  >
                    {tc("actions.delete")}
                  </Button>
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
        {approval && needsApproval && detail.abilities.approveGoals && (
          <Stack gap="xs">
            <Text size="sm">
              {goalList.state === "changed" ? t("goals.approveChangedIntro") : t("goals.approveIntro")}
            </Text>
            <FormError message={approveError} />
            <Group>
              <Button onClick={approve} loading={approving}>
                {t("goals.approve")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>

      {detail.abilities.editGoals && <AddGoal detail={detail} count={goals.length} />}

      {approval && goalList.versions.length > 0 && <GoalHistory versions={goalList.versions} />}

      {editing && (
        <EditGoalDialog
          key={`${editing.id}-${openings}`}
          opened={editOpen}
          onClose={editDialog.close}
          goal={goals.find((g) => g.id === editing.id) ?? editing}
          regime={regime}
          onReload={onReload}
        />
      )}
      {removing && (
        <RemoveGoalDialog
          key={`${removing.id}-${openings}`}
          opened={removeOpen}
          onClose={removeDialog.close}
          goal={removing}
        />
      )}
    </Stack>
  );
}

function GoalText({ goal, number }: { goal: Pick<Goal, "title" | "rationale" | "successCriteria">; number: number }) {
  const { t } = useTranslation("trajectories");
  return (
    <>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Text fw={500} style={{ overflowWrap: "anywhere" }}>
          {number}. {goal.title}
        </Text>
        {goal.rationale && (
          <Tag color={goal.rationale === "necessity" ? "red" : "blue"}>{t(`goals.rationale.${goal.rationale}`)}</Tag>
        )}
      </Group>
      {goal.successCriteria && (
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          <Text span fw={500} size="sm">
            {t("goals.successCriteria")}:
          </Text>{" "}
          {goal.successCriteria}
        </Text>
      )}
    </>
  );
}

function GoalFields({ form, regime }: { form: UseFormReturnType<GoalValues>; regime: Regime }) {
  const { t } = useTranslation("trajectories");
  return (
    <>
      <Textarea
        label={t("goals.title")}
        description={t("goals.titleHint")}
        withAsterisk
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("title")}
      />
      <Radio.Group
        label={t("goals.rationaleLabel")}
        withAsterisk={regime.goals.requireRationale}
        {...form.getInputProps("rationale")}
      >
        <Group gap="md" mt={4}>
          <Radio value="necessity" label={t("goals.rationale.necessityLong")} />
          <Radio value="wish" label={t("goals.rationale.wishLong")} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t("goals.successCriteria")}
        description={t("goals.successCriteriaHint")}
        withAsterisk={regime.goals.requireSuccessCriteria}
        autosize
        minRows={2}
        maxLength={5000}
        {...form.getInputProps("successCriteria")}
      />
    </>
  );
}

function useGoalChecks(regime: Regime) {
  const { t } = useTranslation("trajectories");
  return {
    title: (v: string) => (v.trim() ? null : t("validation.required")),
    rationale: (_: string, values: GoalValues) =>
      missingGoalFields(regime, values).includes("rationale") ? t("validation.chooseOne") : null,
    successCriteria: (_: string, values: GoalValues) =>
      missingGoalFields(regime, values).includes("successCriteria") ? t("validation.required") : null,
  };
}

/**
 * A goal picked from a work process of one of the organisation's qualifications fills in its
 * title (code and name), which the writer can still make their own. Only where there are any.
 */
function WorkProcessPicker({ onPick }: { onPick: (title: string) => void }) {
  const { t } = useTranslation("trajectories");
  const qualifications = useQualifications();
  const [picked, setPicked] = useState("");
  const items = qualifications.data?.items ?? [];
  if (!items.some((q) => q.tasks.some((task) => task.workProcesses.length))) return null;
  const processes = new Map<string, WorkProcess>(
    items.flatMap((q) => q.tasks.flatMap((task) => task.workProcesses.map((w) => [`${q.id}|${w.code}`, w] as const))),
  );
  return (
    <NativeSelect
      label={t("goals.fromQualification")}
      description={t("goals.fromQualificationHint")}
      value={picked}
      data={[
        { value: "", label: t("goals.fromQualificationNone") },
        ...items.flatMap((q) =>
          q.tasks
            .filter((task) => task.workProcesses.length)
            .map((task) => ({
              group: `${q.name} · ${task.code} ${task.title}`,
              items: task.workProcesses.map((w) => ({ value: `${q.id}|${w.code}`, label: `${w.code} ${w.title}` })),
            })),
        ),
      ]}
      onChange={(event) => {
        setPicked(event.currentTarget.value);
        const process = processes.get(event.currentTarget.value);
        if (process) onPick(goalTitleOf(process));
      }}
    />
  );
}

/** A new goal; closed with a message once the regime's maximum is reached. */
function AddGoal({ detail, count }: { detail: TrajectoryDetail; count: number }) {
  const { t } = useTranslation("trajectories");
  const store = useStoreDetail();
  const form = useForm<GoalValues>({ initialValues: emptyGoal, validate: useGoalChecks(detail.regime) });
  const { run, formError } = useApiSubmit(form);
  const full = !mayAddGoal(detail.regime, count);

  const submit = form.onSubmit((values) =>
    run(async () => {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/goals`, { body: goalBody(values) });
      await store(fresh);
      form.reset();
      notifySuccess(t("goals.added"));
    }),
  );

  return (
    <Card withBorder component="section" aria-labelledby="goals-add">
      <Title order={3} size="h4" id="goals-add" mb="sm">
        {t("goals.add")}
      </Title>
      {full && (
        <Alert color="gray" variant="light" mb="sm">
          {t("goals.full", { max: detail.regime.goals.max ?? 0 })}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Fieldset variant="unstyled" disabled={full} p={0}>
          <Stack>
            <FormError message={formError} />
            <WorkProcessPicker onPick={(title) => form.setFieldValue("title", title)} />
            <GoalFields form={form} regime={detail.regime} />
            <Group>
              <Button type="submit" loading={form.submitting} disabled={full}>
                {t("goals.addSubmit")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </form>
    </Card>
  );
}

function EditGoalDialog({
  opened,
  onClose,
  goal,
  regime,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  goal: Goal;
  regime: Regime;
  onReload: () => Promise<TrajectoryDetail | undefined>;
}) {
  const { t } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
  const store = useStoreDetail();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: goal,
    toForm: goalToForm,
    version: (row) => row.version,
    reload: async () => (await onReload())?.goals?.find((g) => g.id === goal.id),
    save: async (values: GoalValues, version) => {
      const fresh = await api<TrajectoryDetail>(`/goals/${goal.id}`, {
        method: "PUT",
        body: { ...goalBody(values), version },
      });
      await store(fresh);
      return fresh.goals?.find((g) => g.id === goal.id);
    },
    onSaved: () => {
      notifySuccess(t("goals.saved"));
      onClose();
    },
    validate: useGoalChecks(regime),
  });

  return (
    <Dialog opened={opened} onClose={onClose} title={t("goals.editTitle")} size="lg">
      <form onSubmit={onSubmit()} noValidate>
        <Stack>
          <VersionNotices {...notices} />
          <GoalFields form={form} regime={regime} />
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

function RemoveGoalDialog({ opened, onClose, goal }: { opened: boolean; onClose: () => void; goal: Goal }) {
  const { t } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
  const store = useStoreDetail();
  const remove = useAction(async () => {
    const fresh = await api<TrajectoryDetail>(`/goals/${goal.id}`, { method: "DELETE" });
    await store(fresh);
    notifySuccess(t("goals.removed"));
    onClose();
  });

  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t("goals.removeTitle")}
      text={t("goals.removeText", { title: goal.title })}
      confirmLabel={tc("actions.delete")}
      onConfirm={() => remove.run()}
      busy={remove.pending}
      danger
    >
      <FormError message={remove.error} />
    </ConfirmDialog>
  );
}

/** Every approved version of the list, newest first, each as it was approved. */
function GoalHistory({ versions }: { versions: TrajectoryDetail["goalList"]["versions"] }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <Stack gap="sm" component="section" aria-labelledby="goals-history">
      <Title order={3} size="h4" id="goals-history">
        {t("goals.history")}
      </Title>
      <Accordion variant="separated" multiple>
        {newestFirst.map((version) => (
          <Accordion.Item key={version.number} value={String(version.number)}>
            <Accordion.Control>
              {t("goals.version", {
                number: version.number,
                by: version.approvedBy,
                when: formatDateTime(version.approvedAt, lang),
              })}
            </Accordion.Control>
            <Accordion.Panel>
              <List type="ordered" spacing="xs" size="sm">
                {[...version.goals]
                  .sort((a, b) => a.position - b.position)
                  .map((goal) => (
                    <List.Item key={goal.id}>
                      {goal.title}
                      {goal.rationale && ` (${t(`goals.rationale.${goal.rationale}`)})`}
                      {goal.successCriteria && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                          {t("goals.successCriteria")}: {goal.successCriteria}
                        </Text>
                      )}
                    </List.Item>
                  ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

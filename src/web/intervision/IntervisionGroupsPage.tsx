import { Anchor, Badge, Button, Card, Checkbox, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { emptyGroup, GroupFields, type GroupFormValues, groupBody } from "./GroupForm";
import { type GroupDetail, groupPath, methodName, refreshIntervision, useCandidates, useGroups } from "./model";
import "./texts";

/** My intervisie groups; the admin and the training officer see all and make new ones. */
export default function IntervisionGroupsPage() {
  const { t, i18n } = useTranslation("intervision");
  const groups = useGroups();
  if (groups.isPending) return <Loading />;
  if (groups.isError) return <LoadError back={null} error={groups.error} notFound={t("title")} />;
  const { items, canCreate } = groups.data;
  const lang = i18n.language;
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text mt={-8}>{canCreate ? t("list.introAll") : t("list.intro")}</Text>
      {items.length === 0 && <Text c="dimmed">{t("list.empty")}</Text>}
      {items.length > 0 && (
        <Stack component="ul" aria-label={t("list.caption")} gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((group) => (
            <Paper component="li" key={group.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={groupPath(group.id)} fw={500}>
                  {group.name}
                </Anchor>
                <Group gap={4}>
                  {group.member && <Badge variant="light">{t("list.mine")}</Badge>}
                  {group.archived && (
                    <Badge variant="outline" color="gray.8">
                      {t("list.archived")}
                    </Badge>
                  )}
                </Group>
              </Group>
              <Text size="sm">
                {methodName(group.method, lang)} · {t("list.rhythm", { count: group.rhythmWeeks })} ·{" "}
                {t("list.members", { count: group.memberCount })}
              </Text>
              <Text size="sm" c="dimmed">
                {group.nextMeeting
                  ? t("list.next", { when: formatDateTime(group.nextMeeting, lang) })
                  : t("list.noNext")}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canCreate && <CreateGroup />}
    </Stack>
  );
}

interface CreateValues extends GroupFormValues {
  memberIds: string[];
}

function CreateGroup() {
  const { t } = useTranslation("intervision");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const candidates = useCandidates(true);
  const form = useForm<CreateValues>({ initialValues: { ...emptyGroup, memberIds: [] } });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: CreateValues) {
    await run(async () => {
      const created = await api<GroupDetail>("/intervision/groups", {
        method: "POST",
        body: { ...groupBody(values), memberIds: values.memberIds },
      });
      await refreshIntervision(queryClient);
      notifySuccess(t("form.created"));
      navigate(groupPath(created.id));
    });
  }

  return (
    <Card withBorder component="section" aria-labelledby="new-group">
      <Title order={3} size="h4" mb="sm" id="new-group">
        {t("form.createHeading")}
      </Title>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <GroupFields form={form} />
          <Checkbox.Group
            label={t("form.members")}
            description={t("form.membersHint")}
            {...form.getInputProps("memberIds")}
          >
            <Stack gap={6} mt="xs">
              {(candidates.data ?? []).map((person) => (
                <Checkbox key={person.userId} value={person.userId} label={person.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={pending}>
              {t("form.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

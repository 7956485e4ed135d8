import {
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { RATER_KINDS } from "../../domain/competences/anonymity";
import type { FriendView, ScanDetail } from "../../domain/competences/scan-api";
import { api } from "../api";
import { useAction, useApiSubmit } from "../forms";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { scanKey } from "./ScansPage";

/** Whom the werkbegeleider asked, and asking more: a member in-app or someone else by e-mail. */
export function FriendsPanel({ scan }: { scan: ScanDetail }) {
  const { t, i18n } = useTranslation("scans");
  const queryClient = useQueryClient();
  const withdraw = useAction(async (friend: FriendView) => {
    const saved = await api<ScanDetail>(`/scans/${scan.id}/friends/${friend.id}`, { method: "DELETE" });
    queryClient.setQueryData(scanKey(scan.id), saved);
    notifySuccess(t("friends.withdrawn", { name: friend.name }));
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scan-friends">
      <Title order={2} size="h3" id="scan-friends">
        {t("friends.heading")}
      </Title>
      <Text size="sm" mb="sm">
        {t("friends.intro")}
      </Text>
      {scan.friends.length === 0 ? (
        <Text c="dimmed">{t("friends.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("friends.table.name")}</Table.Th>
                <Table.Th>{t("friends.table.status")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("friends.table.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scan.friends.map((friend) => (
                <Table.Tr key={friend.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                      {friend.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`friends.kinds.${friend.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="default" tt="none">
                      {t(`friends.statuses.${friend.status}`)}
                    </Badge>
                    {friend.status === "invited" && (
                      <Text size="xs" c="dimmed">
                        {t("friends.until", { date: formatDate(friend.expiresAt, i18n.language) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {friend.status === "invited" && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t("friends.withdrawLabel", { name: friend.name })}
                        loading={withdraw.pendingInput?.id === friend.id}
                        onClick={() => void withdraw.run(friend)}
                      >
                        {t("friends.withdraw")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormError message={withdraw.error} />
      <InviteForm scan={scan} />
    </Paper>
  );
}

type InviteValues = { how: "member" | "outsider"; kind: string; membershipId: string; name: string; email: string };

function InviteForm({ scan }: { scan: ScanDetail }) {
  const { t } = useTranslation("scans");
  const queryClient = useQueryClient();
  const form = useForm<InviteValues>({
    initialValues: { how: "member", kind: "colleague", membershipId: "", name: "", email: "" },
    validate: {
      membershipId: (value, values) => (values.how === "member" && !value ? t("friends.personRequired") : null),
    },
  });
  const { run, formError, pending } = useApiSubmit(form);
  const member = form.values.how === "member";
  const submit = form.onSubmit((values) =>
    run(async () => {
      const body =
        values.how === "member"
          ? { kind: values.kind, membershipId: values.membershipId || undefined }
          : { kind: values.kind, name: values.name, email: values.email };
      const saved = await api<ScanDetail>(`/scans/${scan.id}/friends`, { body });
      queryClient.setQueryData(scanKey(scan.id), saved);
      const name =
        values.how === "member"
          ? (scan.candidates.find((c) => c.membershipId === values.membershipId)?.name ?? "")
          : values.name;
      notifySuccess(t("friends.invited", { name }));
      form.setValues({ ...values, membershipId: "", name: "", email: "" });
    }),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack mt="md">
        <FormError message={formError} />
        <Radio.Group label={t("friends.how")} {...form.getInputProps("how")}>
          <Stack gap={6} mt={6}>
            <Radio value="member" label={t("friends.member")} />
            <Radio value="outsider" label={t("friends.outsider")} />
          </Stack>
        </Radio.Group>
        <Select
          label={t("friends.kind")}
          data={RATER_KINDS.map((kind) => ({ value: kind, label: t(`friends.kinds.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
        {member ? (
          <Select
            label={t("friends.person")}
            searchable
            required
            data={scan.candidates.map((c) => ({ value: c.membershipId, label: c.name }))}
            {...form.getInputProps("membershipId")}
            onChange={(value) => form.setFieldValue("membershipId", value ?? "")}
          />
        ) : (
          <>
            <TextInput label={t("friends.name")} required maxLength={200} {...form.getInputProps("name")} />
            <TextInput
              label={t("friends.email")}
              type="email"
              required
              maxLength={320}
              autoComplete="off"
              {...form.getInputProps("email")}
            />
          </>
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {t("friends.invite")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { InvitationList as InvitationPage, InvitationSummary } from "../../domain/invitations/api";
import type { InvitationStatus } from "../../domain/invitations/status";
import type { Role } from "../../domain/roles";
import { ApiError, api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { RoleBadges } from "../shell/RoleBadges";
import { RolePicker } from "../shell/RolePicker";
import "./texts";

export const invitationKeys = {
  all: ["invitations"] as const,
  list: (page: number) => ["invitations", "list", page] as const,
};

const STATUS_COLORS: Record<InvitationStatus, string> = {
  pending: "blue",
  accepted: "green",
  expired: "orange",
  revoked: "gray",
};

interface InviteValues extends Record<string, unknown> {
  email: string;
  name: string;
  roles: Role[];
}

function InviteForm() {
  const { t } = useTranslation("invitations");
  const queryClient = useQueryClient();
  const form = useForm<InviteValues>({ initialValues: { email: "", name: "", roles: [] } });
  const { run, formError } = useApiSubmit(form);

  const submit = form.onSubmit((values) =>
    run(async () => {
      await api("/invitations", { body: values });
      notifications.show({ color: "green", message: t("form.sent", { email: values.email.trim() }) });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["outbox"] });
    }),
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-heading">
      <Title order={3} size="h4" id="invite-heading" mb="sm">
        {t("form.heading")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("form.name")} required autoComplete="off" {...form.getInputProps("name")} />
            <TextInput
              label={t("form.email")}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps("email")}
            />
          </SimpleGrid>
          <RolePicker
            label={t("form.roles")}
            description={t("form.rolesHint")}
            cols={{ base: 1, xs: 2, md: 4 }}
            {...form.getInputProps("roles")}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function dateFor(invitation: InvitationSummary) {
  switch (invitation.status) {
    case "accepted":
      return invitation.acceptedAt;
    case "revoked":
      return invitation.revokedAt;
    default:
      return invitation.expiresAt;
  }
}

function Who({ invitation }: { invitation: InvitationSummary }) {
  const { t } = useTranslation("invitations");
  return (
    <div>
      <Text fw={500}>{invitation.name}</Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {invitation.email}
      </Text>
      {invitation.invitedBy && (
        <Text size="xs" c="dimmed">
          {t("list.invitedBy", { name: invitation.invitedBy })}
        </Text>
      )}
    </div>
  );
}

function StatusInfo({ invitation }: { invitation: InvitationSummary }) {
  const { t, i18n } = useTranslation("invitations");
  return (
    <div>
      <Badge color={STATUS_COLORS[invitation.status]} variant="dot">
        {t(`status.${invitation.status}`)}
      </Badge>
      <Text size="xs" c="dimmed" mt={4}>
        {t(`dates.${invitation.status}`, { date: formatDateTime(dateFor(invitation), i18n.language) })}
      </Text>
    </div>
  );
}

function InvitationList({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation("invitations");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<InvitationSummary | null>(null);
  const list = useQuery({
    queryKey: invitationKeys.list(page),
    queryFn: () => api<InvitationPage>(`/invitations?page=${page}`),
    placeholderData: (previous) => previous,
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const action = useMutation({
    mutationFn: ({ invitation, action }: { invitation: InvitationSummary; action: "revoke" | "resend" }) =>
      api(`/invitations/${invitation.id}/${action}`, { method: "POST" }),
    onSuccess: (_, { invitation, action }) =>
      notifications.show({
        color: "green",
        message:
          action === "revoke"
            ? t("actions.revoked", { name: invitation.name })
            : t("actions.resent", { email: invitation.email }),
      }),
    onError: (error) =>
      notifications.show({
        color: "red",
        message: error instanceof ApiError ? error.problem.title : tc("errors.offline"),
      }),
    onSettled: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["outbox"] });
    },
  });
  const act = (invitation: InvitationSummary, kind: "revoke" | "resend") => action.mutate({ invitation, action: kind });
  const busy =
    action.isPending && action.variables ? `${action.variables.action}:${action.variables.invitation.id}` : null;

  /** Pending and expired invitations can be sent again; only a pending one is worth revoking. */
  const actions = (invitation: InvitationSummary) =>
    invitation.status === "pending" || invitation.status === "expired" ? (
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => act(invitation, "resend")}
          loading={busy === `resend:${invitation.id}`}
          aria-label={t("actions.resendLabel", { name: invitation.name })}
        >
          {t("actions.resend")}
        </Button>
        {invitation.status === "pending" && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setRevoking(invitation)}
            aria-label={t("actions.revokeLabel", { name: invitation.name })}
          >
            {t("actions.revoke")}
          </Button>
        )}
      </Group>
    ) : null;

  return (
    <Stack component="section" aria-labelledby="invitations-heading" gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4" id="invitations-heading">
          {t("list.heading")}
        </Title>
        {data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("list.count", { count: data.total })}
          </Text>
        )}
      </Group>
      {list.isError && <FormError message={list.error.message} />}
      {list.isPending && <Loading />}
      {data && (
        <ListTable
          rows={data.items}
          rowKey={(invitation) => invitation.id}
          label={t("list.caption")}
          minWidth={620}
          empty={t("list.empty")}
          columns={[
            {
              key: "name",
              header: t("columns.name"),
              primary: true,
              cell: (invitation) => <Who invitation={invitation} />,
            },
            { key: "roles", header: t("columns.roles"), cell: (invitation) => <RoleBadges roles={invitation.roles} /> },
            {
              key: "status",
              header: t("columns.status"),
              cell: (invitation) => <StatusInfo invitation={invitation} />,
            },
            { key: "actions", header: t("columns.actions"), cell: actions },
          ]}
          cards={{
            body: (invitation) => (
              <Stack gap="xs" mt="xs">
                <RoleBadges roles={invitation.roles} />
                <StatusInfo invitation={invitation} />
                {actions(invitation)}
              </Stack>
            ),
          }}
          pager={{ page, pages, onChange: onPage }}
        />
      )}
      <Modal
        opened={Boolean(revoking)}
        onClose={() => setRevoking(null)}
        title={t("actions.confirmTitle")}
        closeButtonProps={{ "aria-label": tc("actions.close") }}
      >
        {revoking && (
          <Stack>
            <Text>{t("actions.confirmBody", { name: revoking.name, email: revoking.email })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {tc("actions.cancel")}
              </Button>
              <Button color="red" onClick={() => act(revoking, "revoke")} loading={busy === `revoke:${revoking.id}`}>
                {t("actions.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** Inviting people into the organisation, and following what became of each invitation. */
export default function InvitationsPage() {
  const { t } = useTranslation("invitations");
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("pagina")) || 1);

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Stack gap="lg">
        <Text c="dimmed">
          {t("intro")} {t("outboxHint")}{" "}
          <Anchor component={Link} to="/uitgaande-mail" underline="always">
            {t("outboxLink")}
          </Anchor>
          .
        </Text>
        <InviteForm />
        <InvitationList
          page={page}
          onPage={(next) =>
            setParams((previous) => {
              const nextParams = new URLSearchParams(previous);
              if (next === 1) nextParams.delete("pagina");
              else nextParams.set("pagina", String(next));
              return nextParams;
            })
          }
        />
      </Stack>
    </>
  );
}

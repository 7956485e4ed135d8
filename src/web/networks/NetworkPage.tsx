import {
  Alert,
  Button,
  ColorSwatch,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { NetworkView } from "../../domain/networks/schemas";
import { api } from "../api";
import { NetworkEventCounts } from "../events/NetworkEventCounts";
import { FormError } from "../shell/FormError";
import { Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { VersionNotices } from "../shell/VersionNotices";
import { useVersionedForm } from "../versioned-form";
import "./texts";

type Network = NonNullable<NetworkView["network"]>;
const networkKey = ["network"] as const;

export default function NetworkPage() {
  const { t } = useTranslation("networks");
  const query = useQuery({ queryKey: networkKey, queryFn: () => api<NetworkView>("/network") });

  return (
    <Stack maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text>{t("intro")}</Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <FormError message={query.error.message} />
      ) : query.data.network ? (
        <NetworkDetails
          network={query.data.network}
          mayRename={query.data.policies.rename}
          reload={async () => (await query.refetch()).data?.network ?? undefined}
        />
      ) : (
        <Alert title={t("none.title")} color="gray" role="status">
          {t("none.body")}
        </Alert>
      )}
    </Stack>
  );
}

function NetworkDetails({
  network,
  mayRename,
  reload,
}: {
  network: Network;
  mayRename: boolean;
  reload: () => Promise<Network | undefined>;
}) {
  const { t } = useTranslation("networks");
  return (
    <Stack>
      <Title order={2} size="h3">
        {network.name}
      </Title>
      <Paper withBorder p="md" component="section" aria-labelledby="network-members">
        <Title order={3} size="h4" mb="sm" id="network-members">
          {t("members.heading")}
        </Title>
        <List listStyleType="none" spacing="xs">
          {network.members.map((member) => (
            <List.Item key={member.name}>
              <Group gap="sm" wrap="nowrap">
                <ColorSwatch
                  color={member.primaryColor}
                  size={20}
                  role="img"
                  aria-label={t("members.colour", { color: member.primaryColor })}
                />
                <Text>{member.name}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="network-coordinators">
        <Title order={3} size="h4" mb="sm" id="network-coordinators">
          {t("coordinators.heading")}
        </Title>
        {network.coordinators.length ? (
          <List spacing="xs">
            {network.coordinators.map((c) => (
              <List.Item key={`${c.organisationName}-${c.name}`}>
                {c.name} — {c.organisationName}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t("coordinators.none")}</Text>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="network-rule">
        <Title order={3} size="h4" mb="sm" id="network-rule">
          {t("rule.heading")}
        </Title>
        <Text>
          {network.consensusRule.kind === "all"
            ? t("rule.all")
            : t("rule.quorum", { min: network.consensusRule.min, count: network.members.length })}
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="network-validity">
        <Title order={3} size="h4" mb="sm" id="network-validity">
          {t("validity.heading")}
        </Title>
        <Text>
          {network.certificateValidityMonths === null
            ? t("validity.none")
            : t("validity.months", { count: network.certificateValidityMonths })}
        </Text>
      </Paper>
      <NetworkEventCounts />
      {mayRename && <RenameForm network={network} reload={reload} />}
    </Stack>
  );
}

function RenameForm({ network, reload }: { network: Network; reload: () => Promise<Network | undefined> }) {
  const { t } = useTranslation("networks");
  const queryClient = useQueryClient();
  const { form, onSubmit, pending, notices } = useVersionedForm({
    row: network,
    toForm: (
      row,
    ): { name: string; consensusRule: { kind: string; min: number }; certificateValidityMonths: number | string } => ({
      name: row.name,
      certificateValidityMonths: row.certificateValidityMonths ?? "",
      consensusRule: {
        kind: row.consensusRule.kind,
        min: row.consensusRule.kind === "quorum" ? row.consensusRule.min : row.members.length,
      },
    }),
    version: (row) => row.version,
    reload,
    save: async (values, version) => {
      const saved = await api<NetworkView>("/network", {
        method: "PUT",
        body: {
          name: values.name,
          consensusRule:
            values.consensusRule.kind === "all"
              ? { kind: "all" }
              : { kind: "quorum", min: Number(values.consensusRule.min) },
          certificateValidityMonths:
            values.certificateValidityMonths === "" ? null : Number(values.certificateValidityMonths),
          version,
        },
      });
      queryClient.setQueryData(networkKey, saved);
      return saved.network ?? undefined;
    },
    onSaved: () => notifications.show({ color: "green", message: t("rename.saved") }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="network-rename">
      <Title order={3} size="h4" mb="sm" id="network-rename">
        {t("rename.heading")}
      </Title>
      <form noValidate onSubmit={onSubmit()}>
        <Stack>
          <VersionNotices {...notices} />
          <TextInput label={t("rename.name")} required maxLength={200} {...form.getInputProps("name")} />
          <NativeSelect
            label={t("rule.kind")}
            data={[
              { value: "all", label: t("rule.kindAll") },
              { value: "quorum", label: t("rule.kindQuorum") },
            ]}
            {...form.getInputProps("consensusRule.kind")}
          />
          {form.values.consensusRule.kind === "quorum" && (
            <NumberInput
              label={t("rule.min")}
              min={1}
              max={network.members.length}
              allowDecimal={false}
              {...form.getInputProps("consensusRule.min")}
            />
          )}
          <NumberInput
            label={t("validity.field")}
            description={t("validity.hint")}
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("certificateValidityMonths")}
          />
          <Group>
            <Button type="submit" loading={pending}>
              {t("rename.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

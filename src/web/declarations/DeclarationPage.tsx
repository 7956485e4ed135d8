import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  List,
  PasswordInput,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDateTime } from "../i18n";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { trajectoryPath } from "../trajectories/format";
import { trajectoryKeys } from "../trajectories/model";
import { DeclarationBadges, DeclarationDocument } from "./components";
import {
  type DeclarationView,
  declarationKeys,
  declarationPath,
  declarationPdf,
  useDeclaration,
  useStartNewVersion,
} from "./model";
import "./texts";

/** One version of a declaration: the document as it is signed, its hash, the signatures, and signing. */
export default function DeclarationPage() {
  const { t, i18n } = useTranslation("declarations");
  const lang = i18n.language;
  const trajectoryId = useParams().trajectoryId ?? "";
  const declarationId = useParams().declarationId ?? "";
  const query = useDeclaration(declarationId);
  const back = <BackLink to={`${trajectoryPath(trajectoryId)}?deel=verklaringen`}>{t("page.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("page.notFound")} />;
  const d = query.data;
  const latest = d.history[0];

  return (
    <Stack gap="md">
      {back}
      <PageTitle actions={<DeclarationBadges declaration={d} />}>{d.title}</PageTitle>
      <Text size="sm" c="dimmed">
        {[d.trajectoryTitle, d.form ? t("form", { form: d.form }) : null, t("version", { number: d.number })]
          .filter(Boolean)
          .join(" · ")}
      </Text>

      {!d.latest && latest && (
        <Alert color="gray" variant="light">
          <Stack gap="xs">
            <Text size="sm">{d.status === "superseded" ? t("page.superseded") : t("page.older")}</Text>
            <Anchor component={Link} to={declarationPath(d.trajectoryId, latest.id)} size="sm">
              {t("page.toLatest")}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {d.changedSinceSigning && d.latest && <ChangedNotice declaration={d} />}
      {d.motivationMissing && (
        <Alert color="orange" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
          {t("page.motivationMissing")}
        </Alert>
      )}

      <Card withBorder component="section" aria-labelledby="declaration-document">
        <Title order={3} size="h4" id="declaration-document" mb="xs">
          {t("page.document")}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t("page.documentIntro")}
        </Text>
        <DeclarationDocument content={d.content} />
      </Card>

      <Card withBorder component="section" aria-labelledby="declaration-signatures">
        <Stack gap="sm">
          <Title order={3} size="h4" id="declaration-signatures">
            {t("page.signatures")}
          </Title>
          <Stack component="dl" gap="xs" m={0}>
            {d.slots.map((slot) => (
              <div key={slot.key}>
                <Text component="dt" size="sm" c="dimmed">
                  {slot.label}
                </Text>
                <Text component="dd" m={0}>
                  {slot.signature
                    ? t("page.signedBy", {
                        name: slot.signature.name,
                        date: formatDateTime(slot.signature.signedAt, lang),
                      })
                    : t("page.notSigned")}
                  {slot.signature?.ip && (
                    <Text component="span" size="sm" c="dimmed" display="block">
                      {t("page.ip", { ip: slot.signature.ip })}
                    </Text>
                  )}
                </Text>
              </div>
            ))}
          </Stack>
          <div>
            <Text size="sm" c="dimmed">
              {d.contentSha256 ? t("page.hash") : t("page.liveHash")}
            </Text>
            <Code block style={{ overflowWrap: "anywhere", whiteSpace: "normal" }} data-testid="content-hash">
              {d.contentSha256 ?? d.liveContentSha256}
            </Code>
            {!d.contentSha256 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t("page.hashNone")}
              </Text>
            )}
          </div>
          <Group>
            <Button component="a" href={declarationPdf(d.id)} download variant="light">
              {t("page.pdf")}
            </Button>
          </Group>
        </Stack>
      </Card>

      {d.latest && d.status === "open" && <SignCard declaration={d} />}

      {d.history.length > 1 && (
        <Card withBorder component="section" aria-labelledby="declaration-history">
          <Title order={3} size="h4" id="declaration-history" mb="xs">
            {t("page.history")}
          </Title>
          <List size="sm">
            {d.history.map((v) => {
              const line = t("page.historyLine", {
                number: v.number,
                status: t(`verify.statuses.${v.status}`),
              });
              return (
                <List.Item key={v.id}>
                  {v.id === d.id ? (
                    `${line} (${t("page.current")})`
                  ) : (
                    <Anchor component={Link} to={declarationPath(d.trajectoryId, v.id)}>
                      {line}
                    </Anchor>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Card>
      )}
    </Stack>
  );
}

/** The content changed since the first signature: say so, and offer the new version to sign. */
function ChangedNotice({ declaration }: { declaration: DeclarationView }) {
  const { t } = useTranslation("declarations");
  const start = useStartNewVersion(declaration);

  return (
    <Alert color="orange" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
      <Stack gap="xs">
        <Text size="sm">{t("changedNotice")}</Text>
        <FormError message={start.error} />
        {declaration.abilities.newVersion && (
          <Group>
            <Button size="xs" onClick={() => start.run()} loading={start.pending}>
              {t("newVersion")}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function SignCard({ declaration }: { declaration: DeclarationView }) {
  const { t } = useTranslation("declarations");
  const client = useQueryClient();
  const slots = declaration.slots.filter((s) => declaration.signableSlots.includes(s.key));
  const form = useForm({ initialValues: { password: "", slot: slots[0]?.key ?? "" } });
  const { run, formError } = useApiSubmit(form);
  const blocked = declaration.needsNewVersion || declaration.motivationMissing;

  const submit = form.onSubmit((values) =>
    run(async () => {
      const signed = await api<DeclarationView>(`/declarations/${encodeURIComponent(declaration.id)}/sign`, {
        body: { password: values.password, slot: values.slot || undefined },
      });
      client.setQueryData(declarationKeys.one(declaration.id), signed);
      await client.invalidateQueries({ queryKey: declarationKeys.list(declaration.trajectoryId) });
      await client.invalidateQueries({ queryKey: trajectoryKeys.detail(declaration.trajectoryId) });
      form.setFieldValue("password", "");
      notifySuccess(t("page.sign.done"));
    }),
  );

  return (
    <Card withBorder component="section" aria-labelledby="declaration-sign">
      <Title order={3} size="h4" id="declaration-sign" mb="xs">
        {t("page.sign.title")}
      </Title>
      {slots.length === 0 ? (
        <Text size="sm">{t("page.sign.notYou")}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              {t("page.sign.intro", { slot: slots.find((s) => s.key === form.values.slot)?.label ?? slots[0]?.label })}
            </Text>
            <FormError message={formError} />
            {slots.length > 1 && (
              <Select
                label={t("page.sign.slot")}
                data={slots.map((s) => ({ value: s.key, label: s.label }))}
                allowDeselect={false}
                {...form.getInputProps("slot")}
              />
            )}
            <PasswordInput
              label={t("page.sign.password")}
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Group>
              <Button type="submit" loading={form.submitting} disabled={blocked}>
                {t("page.sign.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

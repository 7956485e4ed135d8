import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { dutchToday } from "../../domain/dutch-time";
import type { TrainerOverview, TrainerRequestView, TrainerView } from "../../domain/trainers/api";
import { validUntilFor } from "../../domain/trainers/pool";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import "./texts";

const trainersKey = ["trainers"] as const;

/** After a change the API answers with the whole overview: show it at once. */
function useShow() {
  const client = useQueryClient();
  return (view: TrainerOverview) => client.setQueryData(trainersKey, view);
}

/**
 * The trainer pool: the organisation's trainers with the count against the minimum, the network's
 * other trainers to ask, the count per member, and the requests between members.
 */
export default function TrainersPage() {
  const { t } = useTranslation("trainers");
  const query = useQuery({ queryKey: trainersKey, queryFn: () => api<TrainerOverview>("/trainers") });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("title")} />;
  const view = query.data;
  const own = view.trainers.filter((x) => x.own);
  const others = view.trainers.filter((x) => !x.own);
  const ownCount = view.members.find((m) => m.own);
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t("title")}</PageTitle>
      <Text mt={-8}>{t("intro")}</Text>

      <Section id="own-trainers" title={t("own.heading")}>
        {ownCount && own.length > 0 && (
          <Text fw={500}>{t("own.count", { certified: ownCount.certified, trainers: ownCount.trainers })}</Text>
        )}
        {ownCount?.belowMinimum && view.inNetwork && (
          <Alert
            color="orange"
            variant="light"
            title={t("members.below", { minimum: view.minimum })}
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            {t("own.below", { certified: ownCount.certified, minimum: view.minimum })}
          </Alert>
        )}
        {ownCount && ownCount.expiring > 0 && (
          <Alert color="orange">{t("own.expiring", { count: ownCount.expiring })}</Alert>
        )}
        {own.length === 0 && <Text c="dimmed">{t("own.none")}</Text>}
        <TrainerList trainers={own} view={view} />
      </Section>

      <Section id="trainer-pool" title={t("pool.heading")}>
        {view.inNetwork ? (
          <>
            <Text size="sm">{t("pool.intro")}</Text>
            {others.length === 0 && <Text c="dimmed">{t("pool.none")}</Text>}
            <TrainerList trainers={others} view={view} />
          </>
        ) : (
          <Text c="dimmed">{t("pool.noNetwork")}</Text>
        )}
      </Section>

      {view.inNetwork && <MemberCounts view={view} />}
      <Requests view={view} />
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function TrainerList({ trainers, view }: { trainers: TrainerView[]; view: TrainerOverview }) {
  if (trainers.length === 0) return null;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {trainers.map((trainer) => (
        <TrainerCard key={trainer.personId} trainer={trainer} view={view} />
      ))}
    </Stack>
  );
}

function CertificateBadge({ trainer }: { trainer: TrainerView }) {
  const { t, i18n } = useTranslation("trainers");
  const c = trainer.certificate;
  const date = (value: string | null) => formatDate(value, i18n.language);
  if (!c)
    return (
      <Badge variant="outline" color="gray.8">
        {t("certificate.none")}
      </Badge>
    );
  const text = {
    pending: () => t("certificate.pending", { from: date(c.certifiedOn) }),
    expired: () => t("certificate.expired", { until: date(c.validUntil) }),
    expiring: () => t("certificate.expiring", { until: date(c.validUntil) }),
    valid: () =>
      c.validUntil
        ? t("certificate.validUntil", { until: date(c.validUntil) })
        : t("certificate.valid", { from: date(c.certifiedOn) }),
  }[c.state]();
  const counts = c.state === "valid" || c.state === "expiring";
  return (
    <Badge variant={counts ? "light" : "outline"} color={counts ? undefined : "gray.8"}>
      {text}
    </Badge>
  );
}

type Open = "profile" | "certify" | "request" | "supervised" | null;

function TrainerCard({ trainer, view }: { trainer: TrainerView; view: TrainerOverview }) {
  const { t } = useTranslation("trainers");
  const [open, setOpen] = useState<Open>(null);
  const toggle = (which: Open) => setOpen((current) => (current === which ? null : which));
  const days = trainer.weekdays.map((d) => t(`weekdays.${d}`)).join(", ");
  const mayRequest = view.abilities.request && !trainer.own;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" aria-label={trainer.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Text fw={600}>{trainer.name}</Text>
            {!trainer.own && <Text size="sm">{trainer.organisationName}</Text>}
          </div>
          <CertificateBadge trainer={trainer} />
        </Group>
        <Text size="sm">
          <strong>{t("card.topics")}:</strong> {trainer.topics.length ? trainer.topics.join(", ") : t("card.noTopics")}
        </Text>
        <Text size="sm">
          <strong>{t("card.days")}:</strong> {days || t("card.noDays")}
          {trainer.availability && ` · ${trainer.availability}`}
        </Text>
        <Text size="sm" c="dimmed">
          {t("card.trainings", { count: trainer.trainingsGiven })} ·{" "}
          {t("card.attended", { count: trainer.trainingsAttended })} ·{" "}
          {t("card.modules", { count: trainer.modulesCompleted })} ·{" "}
          {t("supervised.count", { count: trainer.supervisedSignedOff })}
        </Text>
        {trainer.supervised.length > 0 && <SupervisedList trainer={trainer} />}
        <Group gap="xs">
          {trainer.mayEdit && (
            <Button
              size="xs"
              variant="light"
              aria-label={t("card.editFor", { name: trainer.name })}
              aria-expanded={open === "profile"}
              onClick={() => toggle("profile")}
            >
              {t("card.edit")}
            </Button>
          )}
          {trainer.mayEdit && (
            <Button
              size="xs"
              variant="light"
              aria-label={t("supervised.recordFor", { name: trainer.name })}
              aria-expanded={open === "supervised"}
              onClick={() => toggle("supervised")}
            >
              {t("supervised.record")}
            </Button>
          )}
          {view.abilities.certify && (
            <Button
              size="xs"
              variant="light"
              aria-label={t("card.certifyFor", { name: trainer.name })}
              aria-expanded={open === "certify"}
              onClick={() => toggle("certify")}
            >
              {t("card.certify")}
            </Button>
          )}
          {mayRequest && (
            <Button
              size="xs"
              variant="light"
              aria-label={t("card.requestFor", { name: trainer.name })}
              aria-expanded={open === "request"}
              onClick={() => toggle("request")}
            >
              {t("card.request")}
            </Button>
          )}
        </Group>
        {open === "profile" && <ProfileForm trainer={trainer} onDone={() => setOpen(null)} />}
        {open === "certify" && (
          <CertifyForm trainer={trainer} months={view.certificateValidityMonths} onDone={() => setOpen(null)} />
        )}
        {open === "request" && <RequestForm trainer={trainer} onDone={() => setOpen(null)} />}
        {open === "supervised" && <SupervisedForm trainer={trainer} view={view} onDone={() => setOpen(null)} />}
      </Stack>
    </Paper>
  );
}

function ProfileForm({ trainer, onDone }: { trainer: TrainerView; onDone: () => void }) {
  const { t } = useTranslation("trainers");
  const show = useShow();
  const form = useForm({
    initialValues: {
      topics: trainer.topics.join("\n"),
      weekdays: trainer.weekdays.map(String),
      availability: trainer.availability,
    },
  });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const body = {
      topics: values.topics
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      weekdays: values.weekdays.map(Number),
      availability: values.availability,
      ...(trainer.version === null ? {} : { version: trainer.version }),
    };
    const done = await run(async () =>
      show(await api<TrainerOverview>(`/trainers/${trainer.personId}/profile`, { method: "PUT", body })),
    );
    if (done) {
      notifySuccess(t("profile.saved"));
      onDone();
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <Textarea
          label={t("profile.topics")}
          description={t("profile.topicsHint")}
          autosize
          minRows={2}
          {...form.getInputProps("topics")}
        />
        <Checkbox.Group label={t("profile.days")} {...form.getInputProps("weekdays")}>
          <Group gap="sm" mt={4}>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <Checkbox key={d} value={String(d)} label={t(`weekdaysLong.${d}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label={t("profile.availability")}
          description={t("profile.availabilityHint")}
          {...form.getInputProps("availability")}
        />
        <FormError message={formError} />
        <FormActions save={t("profile.save")} pending={pending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Save and cancel under a form that opens in a trainer's card; cancel closes it, keeping nothing. */
function FormActions({ save, pending, onCancel }: { save: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation("trainers");
  return (
    <Group gap="xs">
      <Button type="submit" loading={pending}>
        {save}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t("profile.cancel")}
      </Button>
    </Group>
  );
}

/** Certifies a trainer; where the network sets a validity, the end date follows the day given until changed. */
function CertifyForm({ trainer, months, onDone }: { trainer: TrainerView; months: number | null; onDone: () => void }) {
  const { t } = useTranslation("trainers");
  const show = useShow();
  const until = (certifiedOn: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(certifiedOn) ? (validUntilFor(certifiedOn, months) ?? "") : "";
  const form = useForm({
    initialValues: { certifiedOn: dutchToday(), validUntil: until(dutchToday()) },
    onValuesChange: (values, previous) => {
      if (values.certifiedOn !== previous.certifiedOn && previous.validUntil === until(previous.certifiedOn))
        form.setFieldValue("validUntil", until(values.certifiedOn));
    },
  });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const body = { personId: trainer.personId, certifiedOn: values.certifiedOn, validUntil: values.validUntil || null };
    const done = await run(async () =>
      show(await api<TrainerOverview>("/trainer-certificates", { method: "POST", body })),
    );
    if (done) {
      notifySuccess(t("certify.saved", { name: trainer.name }));
      onDone();
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" required label={t("certify.certifiedOn")} {...form.getInputProps("certifiedOn")} />
          <TextInput
            type="date"
            label={t("certify.validUntil")}
            description={months === null ? undefined : t("certify.networkMonths", { count: months })}
            {...form.getInputProps("validUntil")}
          />
        </SimpleGrid>
        <FormError message={formError} />
        <FormActions save={t("certify.save")} pending={pending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function RequestForm({ trainer, onDone }: { trainer: TrainerView; onDone: () => void }) {
  const { t } = useTranslation("trainers");
  const show = useShow();
  const form = useForm({ initialValues: { topic: trainer.topics[0] ?? "", wantedOn: "", message: "" } });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const body = { personId: trainer.personId, ...values };
    const done = await run(async () => show(await api<TrainerOverview>("/trainer-requests", { method: "POST", body })));
    if (done) {
      notifySuccess(t("request.sent", { organisation: trainer.organisationName }));
      onDone();
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput required label={t("request.topic")} {...form.getInputProps("topic")} />
          <TextInput type="date" required label={t("request.wantedOn")} {...form.getInputProps("wantedOn")} />
        </SimpleGrid>
        <Textarea label={t("request.message")} autosize minRows={2} {...form.getInputProps("message")} />
        <FormError message={formError} />
        <FormActions save={t("request.send")} pending={pending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function MemberCounts({ view }: { view: TrainerOverview }) {
  const { t } = useTranslation("trainers");
  return (
    <Section id="trainer-counts" title={t("members.heading")}>
      <ListTable
        rows={view.members}
        rowKey={(m) => m.name}
        label={t("members.caption")}
        caption={t("members.caption")}
        minWidth={480}
        compact
        cards={{}}
        columns={[
          {
            key: "organisation",
            header: t("members.organisation"),
            primary: true,
            cell: (m) => (m.own ? <strong>{m.name}</strong> : m.name),
          },
          { key: "trainers", header: t("members.trainers"), cell: (m) => m.trainers },
          { key: "certified", header: t("members.certified"), cell: (m) => m.certified },
          { key: "expiring", header: t("members.expiring"), cell: (m) => m.expiring },
          {
            key: "status",
            header: t("members.status"),
            cell: (m) =>
              m.belowMinimum ? (
                <Badge color="red.9" variant="filled">
                  {t("members.below", { minimum: view.minimum })}
                </Badge>
              ) : (
                <Badge variant="light">{t("members.ok")}</Badge>
              ),
          },
        ]}
      />
    </Section>
  );
}

function Requests({ view }: { view: TrainerOverview }) {
  const { t } = useTranslation("trainers");
  if (view.requests.length === 0 && !view.abilities.request) return null;
  return (
    <Section id="trainer-requests" title={t("requests.heading")}>
      {view.requests.length === 0 && <Text c="dimmed">{t("requests.none")}</Text>}
      {view.requests.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {view.requests.map((request) => (
            <RequestItem key={request.id} request={request} view={view} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function RequestItem({ request, view }: { request: TrainerRequestView; view: TrainerOverview }) {
  const { t, i18n } = useTranslation("trainers");
  const show = useShow();
  const form = useForm({ initialValues: { answer: "" } });
  const { run, formError, pendingKey } = useApiSubmit(form);
  const incoming = request.direction === "incoming";
  const title = incoming
    ? t("requests.incoming", { from: request.fromOrganisationName, trainer: request.trainerName })
    : t("requests.outgoing", { trainer: request.trainerName, organisation: request.trainerOrganisationName });
  const open = request.status === "open";

  async function answer(accept: boolean) {
    const body = { accept, answer: form.values.answer, version: request.version };
    const done = await run(
      async () => show(await api<TrainerOverview>(`/trainer-requests/${request.id}/answer`, { method: "POST", body })),
      accept ? "accept" : "decline",
    );
    if (done) notifySuccess(t(accept ? "requests.accepted" : "requests.declined"));
  }

  async function withdraw() {
    const done = await run(
      async () =>
        show(
          await api<TrainerOverview>(`/trainer-requests/${request.id}/withdraw`, {
            method: "POST",
            body: { version: request.version },
          }),
        ),
      "withdraw",
    );
    if (done) notifySuccess(t("requests.withdrawn"));
  }

  return (
    <Paper component="li" withBorder p="sm" radius="sm" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge variant={open ? "light" : "outline"} color={open ? undefined : "gray.8"}>
            {t(`requests.status.${request.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {request.topic} · {t("requests.wantedOn", { date: formatDate(request.wantedOn, i18n.language) })}
        </Text>
        {request.message && <Text size="sm">{request.message}</Text>}
        {request.answer && <Text size="sm">{t("requests.theirAnswer", { answer: request.answer })}</Text>}
        {open && incoming && view.abilities.answer && (
          <form noValidate onSubmit={(e) => e.preventDefault()}>
            <Stack gap="xs">
              <Textarea
                label={t("requests.answerFor", { from: request.fromOrganisationName })}
                autosize
                minRows={1}
                {...form.getInputProps("answer")}
              />
              <FormError message={formError} />
              <Group gap="xs">
                <Button size="xs" loading={pendingKey === "accept"} onClick={() => answer(true)}>
                  {t("requests.accept")}
                </Button>
                <Button size="xs" variant="default" loading={pendingKey === "decline"} onClick={() => answer(false)}>
                  {t("requests.decline")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {open && !incoming && view.abilities.request && (
          <>
            <FormError message={formError} />
            <Group>
              <Button size="xs" variant="default" loading={pendingKey === "withdraw"} onClick={withdraw}>
                {t("requests.withdraw")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function SupervisedList({ trainer }: { trainer: TrainerView }) {
  const { t, i18n } = useTranslation("trainers");
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("supervised.heading")}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {trainer.supervised.map((item) => (
          <li key={item.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">
                {t("supervised.line", {
                  date: formatDate(item.givenOn, i18n.language),
                  title: item.title,
                  supervisor: item.supervisorName,
                })}
              </Text>
              <Badge variant={item.signedOff ? "light" : "outline"} color={item.signedOff ? undefined : "gray.8"}>
                {t(item.signedOff ? "supervised.signedOff" : "supervised.waiting")}
              </Badge>
            </Group>
            {item.feedback && <Text size="sm">{t("supervised.theirFeedback", { feedback: item.feedback })}</Text>}
            {item.maySignOff && <SignOffForm trainingId={item.id} trainerName={trainer.name} />}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function SignOffForm({ trainingId, trainerName }: { trainingId: string; trainerName: string }) {
  const { t } = useTranslation("trainers");
  const show = useShow();
  const form = useForm({ initialValues: { feedback: "" } });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const done = await run(async () =>
      show(
        await api<TrainerOverview>(`/supervised-trainings/${trainingId}/sign-off`, { method: "POST", body: values }),
      ),
    );
    if (done) notifySuccess(t("supervised.signedOffDone"));
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs" mt={4}>
        <Textarea
          label={t("supervised.feedbackFor", { name: trainerName })}
          autosize
          minRows={1}
          {...form.getInputProps("feedback")}
        />
        <FormError message={formError} />
        <Group>
          <Button size="xs" type="submit" loading={pending}>
            {t("supervised.signOff")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SupervisedForm({
  trainer,
  view,
  onDone,
}: {
  trainer: TrainerView;
  view: TrainerOverview;
  onDone: () => void;
}) {
  const { t } = useTranslation("trainers");
  const show = useShow();
  const supervisors = view.supervisors.filter((s) => s.personId !== trainer.personId);
  const form = useForm({
    initialValues: { title: "", givenOn: dutchToday(), supervisorId: supervisors[0]?.userId ?? "" },
  });
  const { run, formError, pending } = useApiSubmit(form);

  async function submit(values: typeof form.values) {
    const done = await run(async () =>
      show(
        await api<TrainerOverview>(`/trainers/${trainer.personId}/supervised-trainings`, {
          method: "POST",
          body: values,
        }),
      ),
    );
    if (done) {
      notifySuccess(t("supervised.saved"));
      onDone();
    }
  }

  if (supervisors.length === 0) return <Text size="sm">{t("supervised.noSupervisors")}</Text>;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <TextInput required label={t("supervised.title")} {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" required label={t("supervised.givenOn")} {...form.getInputProps("givenOn")} />
          <NativeSelect
            required
            label={t("supervised.supervisor")}
            data={supervisors.map((s) => ({ value: s.userId, label: s.name }))}
            {...form.getInputProps("supervisorId")}
          />
        </SimpleGrid>
        <FormError message={formError} />
        <FormActions save={t("supervised.save")} pending={pending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

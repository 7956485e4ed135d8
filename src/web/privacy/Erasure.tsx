import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { dutchToday } from "../../domain/dutch-time";
import type { ErasureDone, ErasureReview, OwnErasure } from "../../domain/privacy/erasure";
import { personalDataOf } from "../../domain/privacy/registry";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { formatDate } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { useSession } from "../session";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { ListTable } from "../shell/ListTable";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import "./texts";

const OWN_KEY = ["me", "erasure"];

/**
 * Erasure (decision 0039), the person's side: they ask to be erased from this organisation, with
 * a note for the admin if they like, and see that their request is open.
 */
export function OwnErasureSection() {
  const { t, i18n } = useTranslation("privacy");
  const organisation = useSession().data?.organisation?.name ?? "";
  const client = useQueryClient();
  const query = useQuery({ queryKey: OWN_KEY, queryFn: () => api<OwnErasure>("/me/erasure") });
  const form = useForm({ initialValues: { note: "" } });
  const { run, formError, pending } = useApiSubmit(form);
  const [confirming, setConfirming] = useState(false);
  const ask = () =>
    run(async () => {
      const answer = await api<OwnErasure>("/me/erasure", { method: "POST", body: form.values });
      client.setQueryData(OWN_KEY, answer);
      setConfirming(false);
      notifySuccess(t("erase.asked"));
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="own-erasure-heading">
      <Title order={2} size="h3" id="own-erasure-heading">
        {t("erase.ownHeading")}
      </Title>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError back={null} error={query.error} notFound={t("erase.ownHeading")} />
      ) : query.data.request ? (
        <Alert variant="light">
          <Text size="sm">{t("erase.open", { date: formatDate(query.data.request.requestedOn, i18n.language) })}</Text>
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate aria-labelledby="own-erasure-heading">
          <Stack gap="sm">
            <Text size="sm">{t("erase.ownIntro", { organisation })}</Text>
            <FormError message={formError} />
            <Textarea label={t("erase.note")} autosize minRows={2} maxLength={2000} {...form.getInputProps("note")} />
            <Group>
              <Button type="submit" variant="default">
                {t("erase.ask")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("erase.ask")}
        text={t("erase.askConfirm")}
        confirmLabel={t("erase.ask")}
        onConfirm={ask}
        busy={pending}
      >
        <FormError message={formError} />
      </ConfirmDialog>
    </Stack>
  );
}

/**
 * Erasure, the admin's side: per kind of data what erasing the person will delete, anonymise and
 * keep (and until when), the day the request came in, and the erasure itself after a warning.
 */
export function ErasureSection({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation("privacy");
  const query = useQuery({
    queryKey: ["people", person.id, "erasure"],
    queryFn: () => api<ErasureReview>(`/people/${person.id}/erasure`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("erase.heading")} />;
  return <ErasureReviewView review={query.data} />;
}

function ErasureReviewView({ review }: { review: ErasureReview }) {
  const { t, i18n } = useTranslation("privacy");
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm({ initialValues: { requestedOn: review.request?.requestedOn ?? dutchToday() } });
  const { run, formError, pending } = useApiSubmit(form);
  const [confirming, setConfirming] = useState(false);
  const name = review.person.name;
  const erase = () =>
    run(async () => {
      const done = await api<ErasureDone>(`/people/${review.person.id}/erasure`, {
        method: "POST",
        body: form.values,
      });
      await client.invalidateQueries({ queryKey: ["people"] });
      notifySuccess(t("erase.done", { name, pseudonym: done.pseudonym }));
      navigate("/mensen");
    }).then((ok) => {
      if (!ok) setConfirming(false);
    });
  const until = formatDate(review.keptUntil, i18n.language);
  const action = (line: ErasureReview["lines"][number]) =>
    line.action === "keep" ? t("erase.actions.keep", { date: until }) : t(`erase.actions.${line.action}`);
  const what = (table: string) => personalDataOf(table)?.what[locale] ?? table;

  return (
    <Stack gap="sm">
      {review.request ? (
        <Alert variant="light">
          <Text size="sm">
            {t(review.request.bySelf ? "erase.requestedBySelf" : "erase.requestedRecorded", {
              name,
              date: formatDate(review.request.requestedOn, i18n.language),
            })}
          </Text>
          {review.request.note && (
            <Text size="sm" mt="xs">
              {t("erase.noteSaid", { note: review.request.note })}
            </Text>
          )}
        </Alert>
      ) : (
        <Text size="sm">{t("erase.noRequest", { name })}</Text>
      )}
      <Text size="sm">{t("erase.intro", { name, date: until })}</Text>
      <ListTable
        rows={review.lines}
        rowKey={(line) => `${line.table}-${line.action}`}
        label={t("erase.tableLabel", { name })}
        minWidth={560}
        columns={[
          { key: "what", header: t("clearing.what"), cell: (line) => what(line.table), primary: true },
          { key: "action", header: t("erase.action"), cell: action },
          { key: "count", header: t("erase.count"), cell: (line) => line.count },
        ]}
        cards={{
          title: (line) => what(line.table),
          body: (line) => (
            <Text size="sm">
              {action(line)} · {t("erase.records", { count: line.count })}
            </Text>
          ),
        }}
      />
      <Text size="sm">{t("erase.account")}</Text>
      <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
        <Stack gap="sm">
          <FormError message={confirming ? null : formError} />
          <TextInput
            type="date"
            label={t("erase.requestedOn")}
            required
            max={dutchToday()}
            {...form.getInputProps("requestedOn")}
          />
          <Group>
            <Button type="submit" color="red.9">
              {t("erase.erase", { name })}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("erase.erase", { name })}
        text={t("erase.confirm", { name })}
        confirmLabel={t("erase.erase", { name })}
        onConfirm={erase}
        busy={pending}
        danger
      />
    </Stack>
  );
}

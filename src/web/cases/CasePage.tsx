import { Alert, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { CaseView } from "../../domain/cases/api";
import { CASE_SETTINGS } from "../../domain/cases/settings";
import { type ApiError, api } from "../api";
import { Discussion } from "../discussions/Discussion";
import { useAction } from "../forms";
import { localeOf } from "../i18n/regime-text";
import { notifySuccess } from "../shell/notify";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { ReviewDecision } from "../shell/ReviewDecision";
import { CaseEditor } from "./CaseEditor";
import { caseKeys, useCase } from "./model";
import { PrivacyFindings } from "./PrivacyFindings";
import "./texts";

/** One case: its author edits it until it is sent for review; a trainer reviews it; everyone else reads it. */
export default function CasePage() {
  const { t } = useTranslation("cases");
  const { caseId = "" } = useParams();
  const query = useCase(caseId);
  const back = <BackLink to="/casuistiek">{t("detail.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("detail.notFound")} />;
  const view = query.data;
  return (
    <Stack maw={860}>
      {back}
      {view.policies.edit ? (
        <>
          <PageTitle>{view.title}</PageTitle>
          <CaseEditor row={view} />
        </>
      ) : (
        <CaseText view={view} />
      )}
      {view.policies.review && <Review view={view} />}
      {view.policies.withdraw && <Withdraw view={view} />}
      {view.status === "approved" && <Discussion kind="case" id={view.id} />}
    </Stack>
  );
}

function CaseText({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation("cases");
  const locale = localeOf(i18n.language);
  const setting = CASE_SETTINGS.find((s) => s.key === view.setting)?.name[locale] ?? view.setting;
  return (
    <Stack gap="sm">
      <PageTitle>{view.title}</PageTitle>
      <Group gap="xs">
        <Badge variant="light" color={view.owner === "network" ? "blue" : "gray"}>
          {t(`owner.${view.owner}`)}
        </Badge>
        {view.status !== "approved" && (
          <Badge variant="light" color="gray">
            {t(`status.${view.status}`)}
          </Badge>
        )}
        <Text size="sm">
          {view.author ? t("detail.by", { name: view.author }) : t("list.from", { organisation: view.organisation })}
        </Text>
      </Group>
      {view.status === "submitted" && view.mine && <Alert variant="light">{t("detail.waiting")}</Alert>}
      <Text size="sm">
        {t("detail.setting")}: {setting} · {t("detail.competences")}:{" "}
        {view.competences.map((c) => c.name[locale]).join(", ")}
      </Text>
      <Part title={t("detail.situation")} text={view.situation} />
      <Part title={t("detail.question")} text={view.question} />
      <Part title={t("detail.whatHappened")} text={view.whatHappened || t("detail.nothingHappened")} />
    </Stack>
  );
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text style={{ whiteSpace: "pre-wrap" }}>{text}</Text>
    </section>
  );
}

/**
 * The author, or a trainer, takes an approved case back from its readers, with a reason the author
 * reads: for instance when a client turns out to be recognisable after all.
 */
function Withdraw({ view }: { view: CaseView }) {
  const { t } = useTranslation("cases");
  const queryClient = useQueryClient();
  const [reasonError, setReasonError] = useState<string | null>(null);
  const withdraw = useAction(
    async (reason: string) => {
      const saved = await api<CaseView>(`/cases/${view.id}/withdraw`, { body: { reason, version: view.version } });
      queryClient.setQueryData(caseKeys.case(view.id), saved);
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      notifySuccess(t("withdraw.done"));
    },
    {
      describe: (e: ApiError) => {
        setReasonError(e.fieldErrors.reason ?? null);
        return e.fieldErrors.reason ? "" : e.problem.title;
      },
    },
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="withdraw-case">
      <Stack gap="sm">
        <Title order={2} size="h3" id="withdraw-case">
          {t("withdraw.title")}
        </Title>
        <Text size="sm">{t("withdraw.intro")}</Text>
        <ReviewDecision
          labels={{
            return: t("withdraw.start"),
            reason: t("withdraw.reason"),
            sendBack: t("withdraw.confirm"),
            cancel: t("review.cancel"),
          }}
          decide={(_decision, reason) => void withdraw.run(reason)}
          pending={withdraw.pending}
          error={withdraw.error}
          reasonError={reasonError}
        />
      </Stack>
    </Paper>
  );
}

/** A trainer approves the case, or sends it back with a reason the author reads. */
function Review({ view }: { view: CaseView }) {
  const { t } = useTranslation("cases");
  const queryClient = useQueryClient();
  const [reasonError, setReasonError] = useState<string | null>(null);
  const review = useAction(
    async ({ decision, reason }: { decision: "approve" | "return"; reason: string }) => {
      const saved = await api<CaseView>(`/cases/${view.id}/review`, {
        body: { decision, reason: decision === "return" ? reason : undefined, version: view.version },
      });
      queryClient.setQueryData(caseKeys.case(view.id), saved);
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      notifySuccess(decision === "approve" ? t("review.approved") : t("review.returned"));
    },
    {
      describe: (e: ApiError) => {
        setReasonError(e.fieldErrors.reason ?? null);
        return e.fieldErrors.reason ? "" : e.problem.title;
      },
    },
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-case">
      <Stack gap="sm">
        <Title order={2} size="h3" id="review-case">
          {t("review.title")}
        </Title>
        <Text size="sm">{t("review.intro")}</Text>
        {view.privacy.length > 0 && <PrivacyFindings warnings={view.privacy} intro={t("privacy.reviewer")} />}
        <ReviewDecision
          labels={{
            accept: t("review.approve"),
            return: t("review.return"),
            reason: t("review.reason"),
            sendBack: t("review.sendBack"),
            cancel: t("review.cancel"),
          }}
          decide={(decision, reason) =>
            void review.run({ decision: decision === "accept" ? "approve" : "return", reason })
          }
          pending={review.pending}
          error={review.error}
          reasonError={reasonError}
        />
      </Stack>
    </Paper>
  );
}

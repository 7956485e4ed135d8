import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssignmentQueue } from "../../domain/modules/api";
import { type ApiError, api } from "../api";
import { useAction } from "../forms";
import { formatDate } from "../i18n";
import { Markdown } from "../shell/Markdown";
import { notifySuccess } from "../shell/notify";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { ReviewDecision } from "../shell/ReviewDecision";
import { EvidenceView } from "./EvidenceView";
import { moduleKeys, useAssignmentQueue } from "./model";
import "./texts";

type Item = AssignmentQueue["assignments"][number];

/** The on-the-job assignments the praktijkopleider (everyone's) or a team leader (their team's) signs off. */
export default function AssignmentsPage() {
  const { t } = useTranslation("modules");
  const query = useAssignmentQueue();
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("review.title")} />;
  const waiting = query.data.assignments.filter((a) => a.status === "submitted");
  const decided = query.data.assignments.filter((a) => a.status !== "submitted");
  return (
    <Stack maw={860}>
      <PageTitle>{t("review.title")}</PageTitle>
      <Text>{t("review.intro")}</Text>
      {waiting.length === 0 && <Text>{t("review.empty")}</Text>}
      {waiting.map((item) => (
        <Waiting key={item.id} item={item} />
      ))}
      {query.data.reflections.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="shared-reflections">
          <Title order={2} size="h3" id="shared-reflections">
            {t("review.reflections")}
          </Title>
          {query.data.reflections.map((r) => (
            <Paper key={`${r.moduleId}-${r.learner.userId}-${r.question}`} withBorder p="sm">
              <Text size="sm" fw={600}>
                {r.learner.name} · {r.moduleTitle}
              </Text>
              <Text size="sm" c="dimmed">
                {r.question}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {r.answer}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {decided.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="decided">
          <Title order={2} size="h3" id="decided">
            {t("review.decided")}
          </Title>
          {decided.map((item) => (
            <Paper key={item.id} withBorder p="sm">
              <Group gap="xs">
                <Badge variant="light" color={item.status === "returned" ? "red" : undefined}>
                  {t(`review.status.${item.status}`)}
                </Badge>
                <Text size="sm">
                  {item.learner.name} · {item.blockTitle} · {item.moduleTitle}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Waiting({ item }: { item: Item }) {
  const { t, i18n } = useTranslation("modules");
  const queryClient = useQueryClient();
  const [reasonError, setReasonError] = useState<string | null>(null);
  const review = useAction(
    async ({ decision, reason }: { decision: "sign_off" | "return"; reason: string }) => {
      const queue = await api<AssignmentQueue>(`/assignments/${item.id}/review`, {
        body: { decision, reason: decision === "return" ? reason : null, version: item.version },
      });
      queryClient.setQueryData(moduleKeys.queue, queue);
      notifySuccess(decision === "return" ? t("review.returned") : t("review.signedOff"));
    },
    {
      describe: (e: ApiError) => {
        setReasonError(e.fieldErrors.reason ?? null);
        return e.fieldErrors.reason ? "" : e.problem.title;
      },
    },
  );
  const headingId = `opdracht-${item.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {item.learner.name}: {item.blockTitle}
        </Title>
        <Text size="sm">
          <Anchor component={Link} to={`/modules/${item.moduleId}`}>
            {t("review.module", { title: item.moduleTitle })}
          </Anchor>{" "}
          · {t("review.submitted", { date: formatDate(item.submittedAt, i18n.language) })}
        </Text>
        <details>
          <summary>{t("review.instructions")}</summary>
          <Markdown>{item.instructions}</Markdown>
        </details>
        <Text fw={600}>{t("review.description", { name: item.learner.name })}</Text>
        <Text style={{ whiteSpace: "pre-wrap" }}>{item.description}</Text>
        <EvidenceView
          assignmentId={item.id}
          kind={item.evidence}
          photoAlt={t("review.photo", { name: item.learner.name })}
          pdfLabel={t("review.pdf", { name: item.learner.name })}
          width={360}
        />
        <ReviewDecision
          labels={{
            accept: t("review.signOff"),
            return: t("review.return"),
            reason: t("review.reason"),
            sendBack: t("review.sendBack"),
            cancel: t("review.cancel"),
          }}
          decide={(decision, reason) =>
            void review.run({ decision: decision === "accept" ? "sign_off" : "return", reason })
          }
          pending={review.pending}
          error={review.error}
          reasonError={reasonError}
        />
      </Stack>
    </Paper>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LearnerView, QuizResult } from "../../domain/modules/api";
import { videoSource } from "../../domain/modules/video-hosts";
import { type ApiError, api } from "../api";
import { useAction } from "../forms";
import { formatDate } from "../i18n";
import { FormError } from "../shell/FormError";
import { Markdown } from "../shell/Markdown";
import { notifySuccess } from "../shell/notify";
import { EvidenceView } from "./EvidenceView";
import "./texts";

type Block = LearnerView["blocks"][number];

export interface LearnerBlockProps {
  moduleId: string;
  number: number;
  block: Block;
  learner: LearnerView;
  done: boolean;
  onChange: (view: LearnerView) => void;
}

/** A block of the module as the learner meets it: its content, and what they do to finish it. */
export function LearnerBlock(props: LearnerBlockProps) {
  const { t } = useTranslation("modules");
  const { block, number, done } = props;
  const title = ("title" in block && block.title) || t(`kinds.${block.kind}`);
  const headingId = `blok-${block.key}-kop`;
  return (
    <Paper withBorder p="md" component="section" id={`blok-${block.key}`} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {t("detail.blockHeading", { number, title })}
          </Title>
          <Badge variant={done ? "filled" : "light"} color={done ? undefined : "gray"} style={{ flexShrink: 0 }}>
            {done ? t("detail.done") : t("detail.todo")}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`kinds.${block.kind}`)}
        </Text>
        <BlockBody {...props} />
      </Stack>
    </Paper>
  );
}

function useRecord({ moduleId, block, onChange }: LearnerBlockProps) {
  return useAction(async (body: Record<string, unknown>) => {
    onChange(
      await api<LearnerView>(`/modules/${moduleId}/progress/blocks`, {
        method: "PUT",
        body: { block: block.key, ...body },
      }),
    );
  });
}

function BlockBody(props: LearnerBlockProps) {
  const { t, i18n } = useTranslation("modules");
  const record = useRecord(props);
  const { block, done } = props;
  const mark = (label: string, action: string) =>
    !done && (
      <Group>
        <Button variant="default" onClick={() => record.run({ action })} loading={record.pending}>
          {label}
        </Button>
        <FormError message={record.error} />
      </Group>
    );
  switch (block.kind) {
    case "text":
      return (
        <>
          <Markdown>{block.body}</Markdown>
          {mark(t("block.seen"), "seen")}
        </>
      );
    case "case": {
      // The server always sends the case's text (or null) with the block.
      const text = "case" in block ? block.case : null;
      return (
        <>
          {text ? (
            <Stack gap="xs">
              <Text fw={600}>{text.title}</Text>
              <Text size="sm" fw={600}>
                {t("block.caseSituation")}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{text.situation}</Text>
              <Text size="sm" fw={600}>
                {t("block.caseQuestion")}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{text.question}</Text>
              {text.whatHappened && (
                <details>
                  <summary>{t("block.caseHappened")}</summary>
                  <Text style={{ whiteSpace: "pre-wrap" }}>{text.whatHappened}</Text>
                </details>
              )}
              <Anchor component={Link} to={`/casuistiek/${block.caseId}`} size="sm">
                {t("block.caseOpen")}
              </Anchor>
            </Stack>
          ) : (
            <Text>{t("block.caseGone")}</Text>
          )}
          {mark(t("block.seen"), "seen")}
        </>
      );
    }
    case "video": {
      return (
        <>
          <VideoPlayer link={block.url} title={block.title} />
          {block.transcript && (
            <details>
              <summary>{t("block.transcript")}</summary>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {block.transcript}
              </Text>
            </details>
          )}
          {mark(t("block.watched"), "seen")}
        </>
      );
    }
    case "reflection":
      return <Reflection {...props} question={block.question} />;
    case "quiz":
      return <Quiz {...props} />;
    case "assignment":
      return <Assignment {...props} instructions={block.instructions} />;
    case "training":
      return (
        <>
          <Text>
            {t("block.training", {
              date: block.date ? formatDate(block.date, i18n.language) : t("block.trainingUnknown"),
              place: block.place || t("block.trainingUnknown"),
              trainer: block.trainer || t("block.trainingUnknown"),
            })}
          </Text>
          {mark(t("block.attended"), "attended")}
        </>
      );
  }
}

/**
 * A video is loaded from its host only when the learner asks for it: until then nothing of theirs
 * reaches the host, and a slow connection on the work floor is not spent on a player unasked.
 */
function VideoPlayer({ link, title }: { link: string; title: string }) {
  const { t } = useTranslation("modules");
  const [playing, setPlaying] = useState(false);
  const source = videoSource(link);
  if (!source) return null;
  if (!playing) {
    return (
      <Stack gap={4} align="flex-start">
        <Button variant="light" onClick={() => setPlaying(true)}>
          {t("block.videoPlay")}
        </Button>
        <Text size="sm" c="dimmed">
          {t("block.videoLoads", { host: source.host })}
        </Text>
      </Stack>
    );
  }
  return (
    <div style={{ position: "relative", paddingTop: "56.25%" }}>
      <iframe
        src={source.player}
        title={t("block.videoTitle", { title })}
        allow="fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        style={{ position: "absolute", inset: 0, width: "100%", height: "100%", border: 0 }}
      />
    </div>
  );
}

function Reflection(props: LearnerBlockProps & { question: string }) {
  const { t } = useTranslation("modules");
  const saved = props.learner.reflections[props.block.key];
  const [answer, setAnswer] = useState(saved?.answer ?? "");
  const [shared, setShared] = useState(saved?.shared ?? false);
  const [error, setError] = useState<string | null>(null);
  const record = useAction(
    async () => {
      props.onChange(
        await api<LearnerView>(`/modules/${props.moduleId}/progress/blocks`, {
          method: "PUT",
          body: { block: props.block.key, action: "reflection", answer, shared },
        }),
      );
      notifySuccess(t("block.reflectionSaved"));
    },
    { describe: (e: ApiError) => e.fieldErrors.answer ?? e.problem.title },
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(answer.trim() ? null : t("validation.required", { ns: "common" }));
        if (answer.trim()) void record.run();
      }}
    >
      <Stack gap="sm">
        <Text fw={500}>{props.question}</Text>
        <Textarea
          label={t("block.reflectionAnswer")}
          autosize
          minRows={3}
          maxLength={10_000}
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={error ?? record.error}
          required
        />
        <Checkbox
          label={t("block.share")}
          description={t("block.shareHint")}
          checked={shared}
          onChange={(event) => setShared(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" variant="default" loading={record.pending}>
            {t("block.saveReflection")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Quiz(props: LearnerBlockProps) {
  const { t } = useTranslation("modules");
  const { block, learner } = props;
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(learner.quizzes[block.key]?.last ?? null);
  const [missing, setMissing] = useState(false);
  const attempt = useAction(async () => {
    const scored = await api<QuizResult>(`/modules/${props.moduleId}/progress/quizzes`, {
      body: { block: block.key, answers },
    });
    setResult(scored);
    const detail = await api<{ learner: LearnerView }>(`/modules/${props.moduleId}`);
    props.onChange(detail.learner);
  });
  if (block.kind !== "quiz") return null;
  const attempts = learner.quizzes[block.key]?.attempts ?? 0;
  const byQuestion = new Map(result?.questions.map((q) => [q.key, q]));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const unanswered = block.questions.some((q) => !answers[q.key]?.length);
        setMissing(unanswered);
        if (!unanswered) void attempt.run();
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t("block.quizPassMark", { passMark: block.passMark, total: block.questions.length })}{" "}
          {attempts > 0 && t("block.quizAttempts", { count: attempts })}
        </Text>
        {block.questions.map((question, index) => {
          const scored = byQuestion.get(question.key);
          const options = question.options.map((o) => ({ value: o.key, label: o.text }));
          const label = `${index + 1}. ${question.text}`;
          const feedback = scored && (
            <Stack gap={2} mt={4}>
              <Text size="sm" fw={600} c={scored.correct ? undefined : "red.9"}>
                {scored.correct ? t("block.quizRight") : t("block.quizWrong")}
              </Text>
              {scored.feedback.map((f) => (
                <Text size="sm" key={f.option}>
                  {options.find((o) => o.value === f.option)?.label}: {f.text}
                </Text>
              ))}
            </Stack>
          );
          return question.multiple ? (
            <Checkbox.Group
              key={question.key}
              label={label}
              description={t("block.quizMultiple")}
              value={answers[question.key] ?? []}
              onChange={(value) => setAnswers({ ...answers, [question.key]: value })}
            >
              <Stack gap="xs" mt="xs">
                {options.map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
              {feedback}
            </Checkbox.Group>
          ) : (
            <Radio.Group
              key={question.key}
              label={label}
              value={answers[question.key]?.[0] ?? null}
              onChange={(value) => setAnswers({ ...answers, [question.key]: [value] })}
            >
              <Stack gap="xs" mt="xs">
                {options.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
              {feedback}
            </Radio.Group>
          );
        })}
        {result && (
          <Alert variant="light" color={result.passed ? undefined : "red"} role="status">
            {result.passed
              ? t("block.quizPassed", { correct: result.correct, total: result.questions.length })
              : t("block.quizFailed", { correct: result.correct, total: result.questions.length })}
          </Alert>
        )}
        {missing && (
          <Text c="red.9" role="alert" size="sm">
            {t("block.quizChoose")}
          </Text>
        )}
        <FormError message={attempt.error} />
        <Group>
          <Button type="submit" loading={attempt.pending}>
            {t("block.quizSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Assignment(props: LearnerBlockProps & { instructions: string }) {
  const { t, i18n } = useTranslation("modules");
  const history = props.learner.assignments[props.block.key] ?? [];
  const latest = history[0];
  const open = !latest || latest.status === "returned";
  const [description, setDescription] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useAction(
    async () => {
      const form = new FormData();
      form.append("block", props.block.key);
      form.append("description", description);
      if (photo) form.append("evidence", photo, photo.name);
      props.onChange(await api<LearnerView>(`/modules/${props.moduleId}/progress/assignments`, { form }));
      setDescription("");
      setPhoto(null);
      notifySuccess(t("block.assignmentSubmitted"));
    },
    {
      describe: (e: ApiError) => {
        setErrors(e.fieldErrors);
        return Object.keys(e.fieldErrors).length ? "" : e.problem.title;
      },
    },
  );
  return (
    <Stack gap="sm">
      <Markdown>{props.instructions}</Markdown>
      {history.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t("block.assignmentHistory")}</Text>
          <List spacing="xs">
            {history.map((s) => (
              <List.Item key={s.id}>
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={s.status === "returned" ? "red" : s.status === "submitted" ? "gray" : undefined}
                    >
                      {t(`block.assignmentStatus.${s.status}`)}
                    </Badge>
                    <Text size="sm">{formatDate(s.submittedAt, i18n.language)}</Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {s.description}
                  </Text>
                  <EvidenceView
                    assignmentId={s.id}
                    kind={s.evidence}
                    photoAlt={t("block.photo")}
                    pdfLabel={t("block.pdf")}
                    width={240}
                  />
                  {s.status === "returned" && (
                    <Text size="sm" c="red.9">
                      {t("block.returnedBecause", { name: s.reviewer ?? "", reason: s.reason ?? "" })}
                    </Text>
                  )}
                  {s.status === "signed_off" && (
                    <Text size="sm">
                      {t("block.signedOffBy", {
                        name: s.reviewer ?? "",
                        date: formatDate(s.reviewedAt, i18n.language),
                      })}
                    </Text>
                  )}
                </Stack>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {open && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!description.trim()) setErrors({ description: t("validation.required", { ns: "common" }) });
            else {
              setErrors({});
              void submit.run();
            }
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t("block.assignmentDescription")}
              autosize
              minRows={3}
              maxLength={10_000}
              required
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
            <FileInput
              label={t("block.assignmentPhoto")}
              description={t("block.assignmentPhotoHint")}
              accept="image/jpeg,image/png,image/webp,application/pdf"
              clearable
              value={photo}
              onChange={setPhoto}
              error={errors.evidence}
            />
            <FormError message={submit.error || null} />
            <Group>
              <Button type="submit" loading={submit.pending}>
                {t("block.assignmentSubmit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

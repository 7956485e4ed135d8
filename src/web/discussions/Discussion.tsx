import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DiscussionView, POST_MAX, type PostView } from "../../domain/discussions/api";
import type { DiscussionSubject } from "../../domain/discussions/rules";
import { type ApiError, api } from "../api";
import { useAction } from "../forms";
import { formatDateTime } from "../i18n";
import { notificationKeys } from "../notifications/queries";
import { ConfirmDialog } from "../shell/Dialog";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import "./texts";

const discussionKey = (kind: DiscussionSubject, id: string) => ["discussion", kind, id] as const;
const subjectUrl = (kind: DiscussionSubject, id: string) =>
  `/${kind === "case" ? "cases" : "modules"}/${encodeURIComponent(id)}/discussion`;

/** The peer discussion on a case or a module: posts, replies one level deep, and what each reader may do with them. */
export function Discussion({ kind, id }: { kind: DiscussionSubject; id: string }) {
  const { t } = useTranslation("discussions");
  const query = useQuery({
    queryKey: discussionKey(kind, id),
    queryFn: () => api<DiscussionView>(subjectUrl(kind, id)),
  });
  useReadOnceShown(kind, id, query.isSuccess);
  if (!query.data) return null;
  const view = query.data;
  const threads = view.posts.filter((p) => p.parentId === null);
  return (
    <Paper withBorder p="md" component="section" id="discussie" aria-labelledby="discussie-kop">
      <Stack gap="sm">
        <Title order={2} size="h3" id="discussie-kop">
          {t("title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t(view.audience)}
        </Text>
        {threads.length === 0 && <Text size="sm">{t("empty")}</Text>}
        {threads.map((post) => (
          <Post key={post.id} post={post} kind={kind} subjectId={id}>
            {view.posts
              .filter((reply) => reply.parentId === post.id)
              .map((reply) => (
                <Post key={reply.id} post={reply} kind={kind} subjectId={id} />
              ))}
          </Post>
        ))}
        {view.policies.post && <Composer kind={kind} subjectId={id} />}
      </Stack>
    </Paper>
  );
}

/**
 * Once the thread is shown, the reader's notifications about it are read: the header's count
 * drops without a trip to the notifications page. Once per subject opened; a failure is silent,
 * the notifications simply stay unread.
 */
function useReadOnceShown(kind: DiscussionSubject, id: string, shown: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!shown) return;
    api(`${subjectUrl(kind, id)}/read`, { method: "POST" })
      .then(() => queryClient.invalidateQueries({ queryKey: notificationKeys.all }))
      .catch(() => undefined);
  }, [kind, id, shown, queryClient]);
}

/** Sends a change to the thread and puts the thread it answers in place. */
function useThreadAction<Input>(
  kind: DiscussionSubject,
  subjectId: string,
  send: (input: Input) => Promise<DiscussionView>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const [fieldError, setFieldError] = useState<string | null>(null);
  const action = useAction(
    async (input: Input) => {
      setFieldError(null);
      queryClient.setQueryData(discussionKey(kind, subjectId), await send(input));
      onDone?.();
    },
    {
      describe: (e: ApiError) => {
        const field = e.fieldErrors.body ?? e.fieldErrors.reason ?? null;
        setFieldError(field);
        return field ? "" : e.problem.title;
      },
    },
  );
  return { ...action, fieldError };
}

function Composer({
  kind,
  subjectId,
  parent,
  onDone,
}: {
  kind: DiscussionSubject;
  subjectId: string;
  parent?: PostView;
  onDone?: () => void;
}) {
  const { t } = useTranslation("discussions");
  const [body, setBody] = useState("");
  const post = useThreadAction(
    kind,
    subjectId,
    () => api<DiscussionView>(subjectUrl(kind, subjectId), { body: { body, parentId: parent?.id ?? null } }),
    () => {
      setBody("");
      notifySuccess(t("posted"));
      onDone?.();
    },
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void post.run(undefined);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={parent ? t("replyTo", { name: parent.author.name }) : t("newPost")}
          description={t("mentionHint")}
          autosize
          minRows={2}
          maxLength={POST_MAX}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={post.fieldError}
        />
        <Group>
          <Button type="submit" loading={post.pending}>
            {parent ? t("sendReply") : t("post")}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {t("cancel")}
            </Button>
          )}
        </Group>
        <FormError message={post.error} />
      </Stack>
    </form>
  );
}

type Open = "reply" | "edit" | "report" | "hide" | "remove" | null;

function Post({
  post,
  kind,
  subjectId,
  children,
}: {
  post: PostView;
  kind: DiscussionSubject;
  subjectId: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation("discussions");
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const url = `/posts/${encodeURIComponent(post.id)}`;
  const remove = useThreadAction(
    kind,
    subjectId,
    () => api<DiscussionView>(`${url}/remove`, { method: "POST" }),
    close,
  );
  const headingId = `bericht-${post.id}`;
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      ml={post.parentId ? { base: "sm", sm: "xl" } : 0}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm" fw={600} id={headingId}>
            {t("byline", { name: post.author.name, organisation: post.author.organisation })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(post.createdAt, i18n.language)}
            {post.editedAt ? ` · ${t("edited")}` : ""}
          </Text>
        </Group>
        {post.state === "visible" && open !== "edit" && <Text style={{ whiteSpace: "pre-wrap" }}>{post.body}</Text>}
        {post.state === "removed" && (
          <Text size="sm" fs="italic">
            {t("removed")}
          </Text>
        )}
        {post.state === "hidden" && (
          <Text size="sm" fs="italic">
            {t("hidden", { reason: post.hiddenReason ?? "" })}
          </Text>
        )}
        {post.reports > 0 && (
          <Badge color="orange" variant="light">
            {t("reports", { count: post.reports })}
          </Badge>
        )}
        {open === "edit" && <EditForm post={post} kind={kind} subjectId={subjectId} onDone={close} />}
        {(open === "report" || open === "hide") && (
          <ReasonForm post={post} kind={kind} subjectId={subjectId} what={open} onDone={close} />
        )}
        {open === null && post.state === "visible" && (
          <Group gap="xs">
            {!post.parentId && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen("reply")}>
                {t("reply")}
              </Button>
            )}
            {post.policies.edit && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen("edit")}>
                {t("edit")}
              </Button>
            )}
            {post.policies.remove && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen("remove")}>
                {t("remove")}
              </Button>
            )}
            {post.policies.report && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen("report")}>
                {t("report")}
              </Button>
            )}
            {post.policies.hide && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen("hide")}>
                {t("hide")}
              </Button>
            )}
          </Group>
        )}
        {post.editableUntil && open === null && (
          <Text size="xs" c="dimmed">
            {t("editUntil", { time: formatDateTime(post.editableUntil, i18n.language) })}
          </Text>
        )}
        <ConfirmDialog
          opened={open === "remove"}
          onClose={close}
          title={t("removeTitle")}
          text={t("removeText")}
          confirmLabel={t("remove")}
          onConfirm={() => void remove.run(undefined)}
          busy={remove.pending}
          danger
        >
          <FormError message={remove.error} />
        </ConfirmDialog>
        {children}
        {open === "reply" && <Composer kind={kind} subjectId={subjectId} parent={post} onDone={close} />}
      </Stack>
    </Paper>
  );
}

function EditForm({
  post,
  kind,
  subjectId,
  onDone,
}: {
  post: PostView;
  kind: DiscussionSubject;
  subjectId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation("discussions");
  const [body, setBody] = useState(post.body);
  const save = useThreadAction(
    kind,
    subjectId,
    () =>
      api<DiscussionView>(`/posts/${encodeURIComponent(post.id)}`, {
        method: "PUT",
        body: { body, version: post.version },
      }),
    onDone,
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(undefined);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t("editBody")}
          autosize
          minRows={2}
          maxLength={POST_MAX}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={save.fieldError}
        />
        <Group>
          <Button type="submit" size="sm" loading={save.pending}>
            {t("save")}
          </Button>
          <Button variant="default" size="sm" onClick={onDone}>
            {t("cancel")}
          </Button>
        </Group>
        <FormError message={save.error} />
      </Stack>
    </form>
  );
}

/** Reporting a post or hiding it: both ask why. */
function ReasonForm({
  post,
  kind,
  subjectId,
  what,
  onDone,
}: {
  post: PostView;
  kind: DiscussionSubject;
  subjectId: string;
  what: "report" | "hide";
  onDone: () => void;
}) {
  const { t } = useTranslation("discussions");
  const [reason, setReason] = useState("");
  const send = useThreadAction(
    kind,
    subjectId,
    () => api<DiscussionView>(`/posts/${encodeURIComponent(post.id)}/${what}`, { body: { reason } }),
    () => {
      if (what === "report") notifySuccess(t("reported"));
      onDone();
    },
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send.run(undefined);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={what === "report" ? t("reportReason") : t("hideReason")}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={send.fieldError}
        />
        <Group>
          <Button type="submit" size="sm" color={what === "hide" ? "red.9" : undefined} loading={send.pending}>
            {what === "report" ? t("sendReport") : t("sendHide")}
          </Button>
          <Button variant="default" size="sm" onClick={onDone}>
            {t("cancel")}
          </Button>
        </Group>
        <FormError message={send.error} />
      </Stack>
    </form>
  );
}

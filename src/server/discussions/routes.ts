import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  discussionViewSchema,
  editPostSchema,
  hidePostSchema,
  newPostSchema,
  reportPostSchema,
} from "../../domain/discussions/api.js";
import type { DiscussionSubject } from "../../domain/discussions/rules.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { addPost, editPost, getDiscussion, hidePost, markThreadRead, removePost, reportPost } from "./service.js";

const tags = ["discussions"];
const security = [{ session: [] }];
const postParams = z.object({ postId: z.uuid() });

/** Peer discussion on approved cases and published modules (decision 0029). */
export const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  const subjects: [DiscussionSubject, string, string][] = [
    ["case", "/cases/:caseId/discussion", "caseId"],
    ["module", "/modules/:moduleId/discussion", "moduleId"],
  ];
  for (const [kind, url, param] of subjects) {
    const params = z.object({ [param]: z.uuid() });
    const idOf = (request: { params: unknown }) => (request.params as Record<string, string>)[param] ?? "";
    app.get(
      url,
      {
        schema: {
          tags,
          security,
          summary: `The discussion on a ${kind}: posts and replies, for everyone who reads the ${kind}`,
          params,
          response: { 200: discussionViewSchema },
        },
      },
      (request) => withTenant(request, (tx, actor) => getDiscussion(tx, actor, kind, idOf(request))),
    );
    app.post(
      url,
      {
        schema: {
          tags,
          security,
          summary: `Post in the discussion on a ${kind}, or reply to a post (\`parentId\`); "@Name" tells a colleague`,
          params,
          body: newPostSchema,
          response: { 201: discussionViewSchema },
        },
      },
      async (request, reply) => {
        const view = await changeThenShow(
          request,
          (tx, actor) => addPost(tx, actor, kind, idOf(request), request.body),
          (tx, actor) => getDiscussion(tx, actor, kind, idOf(request)),
        );
        return reply.status(201).send(view);
      },
    );
    app.post(
      `${url}/read`,
      {
        schema: {
          tags,
          security,
          summary: `The reader has read the discussion on a ${kind}: their notifications about it are marked read`,
          params,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await withTenant(request, (tx, actor) => markThreadRead(tx, actor, kind, idOf(request)));
        return reply.status(204).send(null);
      },
    );
  }

  const afterChange = (change: "edit" | "remove" | "hide" | "report") => ({
    schema: {
      tags,
      security,
      params: postParams,
      response: { 200: discussionViewSchema },
      summary: {
        edit: "The author changes their post, within a short while after posting (versioned)",
        remove: "The author removes their post: the thread keeps its place, marked removed",
        hide: "A trainer hides a post, with a reason the thread shows",
        report: "Report a post to the trainers of one's own organisation",
      }[change],
    },
  });

  app.put(
    "/posts/:postId",
    { ...afterChange("edit"), schema: { ...afterChange("edit").schema, body: editPostSchema } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => editPost(tx, actor, request.params.postId, request.body),
        (tx, actor, post) => getDiscussion(tx, actor, post.subjectKind, post.subjectId),
      ),
  );
  app.post("/posts/:postId/remove", afterChange("remove"), (request) =>
    changeThenShow(
      request,
      (tx, actor) => removePost(tx, actor, request.params.postId),
      (tx, actor, post) => getDiscussion(tx, actor, post.subjectKind, post.subjectId),
    ),
  );
  app.post(
    "/posts/:postId/hide",
    { ...afterChange("hide"), schema: { ...afterChange("hide").schema, body: hidePostSchema } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => hidePost(tx, actor, request.params.postId, request.body),
        (tx, actor, post) => getDiscussion(tx, actor, post.subjectKind, post.subjectId),
      ),
  );
  app.post(
    "/posts/:postId/report",
    { ...afterChange("report"), schema: { ...afterChange("report").schema, body: reportPostSchema } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => reportPost(tx, actor, request.params.postId, request.body),
        (tx, actor, post) => getDiscussion(tx, actor, post.subjectKind, post.subjectId),
      ),
  );
};

import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Tx } from "../../db/connection.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import {
  candidatesSchema,
  consentSchema,
  createTrajectorySchema,
  dueItemSchema,
  goalInputSchema,
  guideEligibilityAnswerSchema,
  guideEligibilityQuery,
  meetingDetailSchema,
  networkRetentionViewSchema,
  participantChangeSchema,
  planMeetingSchema,
  type RecordWorkHoursInput,
  recordWorkHoursSchema,
  removeWorkHoursSchema,
  reportViewSchema,
  retentionViewSchema,
  saveFeedbackSchema,
  saveMeetingPartSchema,
  saveReportSchema,
  saveSelfAssessmentSchema,
  scheduleMeetingsSchema,
  trajectoryDetailSchema,
  trajectoryListQuery,
  trajectoryListSchema,
  transitionSchema,
  updateGoalSchema,
  updateMeetingSchema,
  updatePlanSchema,
} from "../../domain/trajectories/api.js";
import { versionSchema } from "../../domain/version.js";
import { archivedDocument } from "../documents/archive.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { requireAuth } from "../plugins/auth.js";
import { requestLocale } from "../plugins/errors.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { changeStatus } from "./change-status.js";
import { createTrajectory } from "./create-trajectory.js";
import { renderBillingCsv } from "./documents/render-billing.js";
import { archiveFinalReport, billingInput, finalReportInput, progressReportInput } from "./export-documents.js";
import { markSeen, saveFeedback, saveSelfAssessment, shareFeedback } from "./feedback.js";
import { finaliseReport, getReport, saveReport } from "./final-report.js";
import { getTrajectory } from "./get-trajectory.js";
import { guideEligibilityFor } from "./guide-eligibility.js";
import { listCandidates, listDue, listTrajectories } from "./list-trajectories.js";
import { keptDueParts } from "./load-due.js";
import { addGoal, approveGoals, removeGoal, updateGoal } from "./manage-goals.js";
import { saveMeetingPart } from "./meeting-parts.js";
import { planMeeting, scheduleMeetings, updateMeeting } from "./meetings.js";
import { addParticipant, removeParticipant } from "./participants.js";
import { getNetworkRetention, getRetention } from "./retention.js";
import { showMeeting } from "./show-meeting.js";
import { giveConsent, updatePlan } from "./update-plan.js";
import { recordWorkHours, removeWorkHours } from "./work-hours.js";

const tags = ["trajectories"];
const trajectoryParams = z.object({ trajectoryId: z.uuid() });
const goalParams = z.object({ goalId: z.uuid() });
const meetingParams = z.object({ meetingId: z.uuid() });
const feedbackParams = z.object({ feedbackId: z.uuid() });
const versionBody = z.object({ version: versionSchema });
const emptyBody = z.object({}).optional();
const detail = { 200: trajectoryDetailSchema };
const meeting = { 200: meetingDetailSchema };

type Change<P, B> = (tx: Tx, actor: Actor, params: P, body: B, locale: Locale) => Promise<unknown>;

/** Runs a change to a meeting, then answers with the meeting as the requester now sees it. */
const thenMeeting =
  <B>(change: (tx: Tx, actor: Actor, meetingId: string, body: B) => Promise<unknown>) =>
  (request: FastifyRequest & { params: { meetingId: string }; body: B }) =>
    changeThenShow(
      request,
      (tx, actor) => change(tx, actor, request.params.meetingId, request.body),
      (tx, actor) => showMeeting(tx, actor, request.params.meetingId),
    );

/** Runs a change, then answers with the trajectory as the requester now sees it. */
const thenDetail =
  <P extends { trajectoryId: string }, B>(change: Change<P, B>) =>
  (request: FastifyRequest & { params: P; body: B }) => {
    const locale = requestLocale(request);
    return changeThenShow(
      request,
      (tx, actor) => change(tx, actor, request.params, request.body, locale),
      (tx, actor) => getTrajectory(tx, actor, request.params.trajectoryId, locale),
    );
  };

/**
 * Trajectories: every route authorises through the domain policies inside its service call and
 * answers with what the requester may see afterwards.
 */
export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/trajectories",
    { schema: { tags, querystring: trajectoryListQuery, response: { 200: trajectoryListSchema } } },
    (request) => withTenant(request, (tx, actor) => listTrajectories(tx, actor, request.query)),
  );

  app.get("/trajectories/candidates", { schema: { tags, response: { 200: candidatesSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listCandidates(tx, actor)),
  );

  app.get(
    "/trajectories/retention",
    {
      schema: {
        tags,
        description: "How many students stay, per cohort and level, for each regime that counts outcomes (BPV).",
        response: { 200: retentionViewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getRetention(tx, actor, requestLocale(request))),
  );

  app.get(
    "/trajectories/network-retention",
    {
      schema: {
        tags,
        description: "How many students stay, per member of the network and cohort: counts only.",
        response: { 200: networkRetentionViewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getNetworkRetention(tx, actor, requestLocale(request))),
  );

  app.get(
    "/trajectories/guide-eligibility",
    {
      schema: {
        tags,
        description:
          "How the regime's guide rule judges each proposed guide (person ids) for this trainee on the start date, in words.",
        querystring: guideEligibilityQuery,
        response: { 200: guideEligibilityAnswerSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => guideEligibilityFor(tx, actor, request.query)),
  );

  app.post(
    "/trajectories",
    { schema: { tags, body: createTrajectorySchema, response: { 201: trajectoryDetailSchema } } },
    async (request, reply) => {
      const created = await changeThenShow(
        request,
        (tx, actor) => createTrajectory(tx, actor, request.body, requestLocale(request)),
        (tx, actor, id) => getTrajectory(tx, actor, id, requestLocale(request)),
      );
      return reply.status(201).send(created);
    },
  );

  // Every statement of the detail is keyed by the one trajectory: planned once, not per run (decision 0043).
  app.get("/trajectories/:trajectoryId", { schema: { tags, params: trajectoryParams, response: detail } }, (request) =>
    withTenant(request, (tx, actor) => getTrajectory(tx, actor, request.params.trajectoryId, requestLocale(request)), {
      plans: "generic",
    }),
  );

  app.put(
    "/trajectories/:trajectoryId/plan",
    { schema: { tags, params: trajectoryParams, body: updatePlanSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof updatePlanSchema>) =>
      updatePlan(tx, actor, params.trajectoryId, body),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/consents",
    { schema: { tags, params: trajectoryParams, body: consentSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof consentSchema>) =>
      giveConsent(tx, actor, params.trajectoryId, body.consents),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/goals",
    { schema: { tags, params: trajectoryParams, body: goalInputSchema, response: { 201: trajectoryDetailSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await thenDetail((tx, actor, params, body: z.infer<typeof goalInputSchema>) =>
            addGoal(tx, actor, params.trajectoryId, body),
          )(request),
        ),
  );

  app.post(
    "/trajectories/:trajectoryId/goals/approve",
    { schema: { tags, params: trajectoryParams, body: emptyBody, response: detail } },
    thenDetail((tx, actor, params) => approveGoals(tx, actor, params.trajectoryId)),
  );

  app.put(
    "/goals/:goalId",
    { schema: { tags, params: goalParams, body: updateGoalSchema, response: detail } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => updateGoal(tx, actor, request.params.goalId, request.body),
        (tx, actor, trajectoryId) => getTrajectory(tx, actor, trajectoryId, requestLocale(request)),
      ),
  );

  app.delete("/goals/:goalId", { schema: { tags, params: goalParams, response: detail } }, (request) =>
    changeThenShow(
      request,
      (tx, actor) => removeGoal(tx, actor, request.params.goalId),
      (tx, actor, trajectoryId) => getTrajectory(tx, actor, trajectoryId, requestLocale(request)),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/transitions",
    { schema: { tags, params: trajectoryParams, body: transitionSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof transitionSchema>, locale) =>
      changeStatus(tx, actor, params.trajectoryId, body, locale),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/participants",
    { schema: { tags, params: trajectoryParams, body: participantChangeSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof participantChangeSchema>) =>
      addParticipant(tx, actor, params.trajectoryId, body),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/participants/remove",
    { schema: { tags, params: trajectoryParams, body: participantChangeSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof participantChangeSchema>) =>
      removeParticipant(tx, actor, params.trajectoryId, body),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/work-hours",
    { schema: { tags, params: trajectoryParams, body: recordWorkHoursSchema, response: detail } },
    thenDetail((tx, actor, params, body: RecordWorkHoursInput) =>
      recordWorkHours(tx, actor, params.trajectoryId, body),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/work-hours/remove",
    { schema: { tags, params: trajectoryParams, body: removeWorkHoursSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof removeWorkHoursSchema>) =>
      removeWorkHours(tx, actor, params.trajectoryId, body.id),
    ),
  );

  app.post(
    "/trajectories/:trajectoryId/meetings",
    { schema: { tags, params: trajectoryParams, body: planMeetingSchema, response: { 201: meetingDetailSchema } } },
    async (request, reply) => {
      const planned = await changeThenShow(
        request,
        (tx, actor) => planMeeting(tx, actor, request.params.trajectoryId, request.body),
        showMeeting,
      );
      return reply.status(201).send(planned);
    },
  );

  app.post(
    "/trajectories/:trajectoryId/meetings/schedule",
    { schema: { tags, params: trajectoryParams, body: scheduleMeetingsSchema, response: detail } },
    thenDetail((tx, actor, params, body: z.infer<typeof scheduleMeetingsSchema>) =>
      scheduleMeetings(tx, actor, params.trajectoryId, body),
    ),
  );

  app.get("/meetings/:meetingId", { schema: { tags, params: meetingParams, response: meeting } }, (request) =>
    withTenant(request, (tx, actor) => showMeeting(tx, actor, request.params.meetingId)),
  );

  app.put(
    "/meetings/:meetingId",
    { schema: { tags, params: meetingParams, body: updateMeetingSchema, response: meeting } },
    // As the detail: statements keyed by the one meeting and its trajectory (decision 0043).
    (request) =>
      withTenant(request, (tx, actor) => updateMeeting(tx, actor, request.params.meetingId, request.body), {
        plans: "generic",
      }),
  );

  app.put(
    "/meetings/:meetingId/feedback",
    { schema: { tags, params: meetingParams, body: saveFeedbackSchema, response: meeting } },
    thenMeeting(saveFeedback),
  );

  app.post(
    "/meetings/:meetingId/feedback/share",
    { schema: { tags, params: meetingParams, body: versionBody, response: meeting } },
    thenMeeting((tx, actor, meetingId, body: { version: number }) => shareFeedback(tx, actor, meetingId, body.version)),
  );

  app.post(
    "/feedback/:feedbackId/seen",
    { schema: { tags, params: feedbackParams, body: emptyBody, response: meeting } },
    (request) => changeThenShow(request, (tx, actor) => markSeen(tx, actor, request.params.feedbackId), showMeeting),
  );

  app.put(
    "/meetings/:meetingId/part",
    { schema: { tags, params: meetingParams, body: saveMeetingPartSchema, response: meeting } },
    thenMeeting(saveMeetingPart),
  );

  app.put(
    "/meetings/:meetingId/self-assessment",
    { schema: { tags, params: meetingParams, body: saveSelfAssessmentSchema, response: meeting } },
    thenMeeting(saveSelfAssessment),
  );

  app.get(
    "/trajectories/:trajectoryId/report",
    { schema: { tags, params: trajectoryParams, response: { 200: reportViewSchema } } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        const { report } = await getReport(tx, actor, request.params.trajectoryId, requestLocale(request));
        return report;
      }),
  );

  app.put(
    "/trajectories/:trajectoryId/report",
    { schema: { tags, params: trajectoryParams, body: saveReportSchema, response: { 200: reportViewSchema } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        saveReport(tx, actor, request.params.trajectoryId, request.body, requestLocale(request)),
      ),
  );

  app.post(
    "/trajectories/:trajectoryId/report/finalise",
    { schema: { tags, params: trajectoryParams, body: versionBody, response: { 200: reportViewSchema } } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        const report = await finaliseReport(
          tx,
          actor,
          request.params.trajectoryId,
          request.body.version,
          requestLocale(request),
        );
        // The final report's PDF is made now, once, and served as stored from then on.
        await archiveFinalReport(tx, actor, app.pdf, request.params.trajectoryId);
        return report;
      }),
  );

  app.get(
    "/trajectories/:trajectoryId/progress.pdf",
    {
      schema: {
        tags,
        params: trajectoryParams,
        description: "The progress so far as the reader sees it (for the school of a BPV student), as a PDF.",
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const input = await withTenant(request, (tx, actor) =>
        progressReportInput(tx, actor, request.params.trajectoryId, requestLocale(request)),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(downloadName(input.trajectory.title, "voortgangsverslag.pdf")))
        .send(await app.pdf.render({ kind: "progressReport", input }));
    },
  );

  app.get(
    "/trajectories/:trajectoryId/report.pdf",
    { schema: { tags, params: trajectoryParams }, config: pdfRouteConfig(app) },
    async (request, reply) => {
      const locale = requestLocale(request);
      const { trajectoryId } = request.params;
      const { input, stored } = await withTenant(request, async (tx, actor) => {
        const input = await finalReportInput(tx, actor, trajectoryId, locale);
        const stored = input.finalisedAt
          ? await archivedDocument(
              tx,
              actor,
              { kind: "final_report", id: trajectoryId },
              { kind: "finalReport", input },
            )
          : null;
        return { input, stored };
      });
      const pdf = stored?.content ?? (await app.pdf.render({ kind: "finalReport", input }));
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(downloadName(input.trajectory.title, "eindrapportage.pdf")))
        .send(pdf);
    },
  );

  app.get(
    "/trajectories/:trajectoryId/billing.pdf",
    { schema: { tags, params: trajectoryParams }, config: pdfRouteConfig(app) },
    async (request, reply) => {
      const locale = requestLocale(request);
      const input = await withTenant(request, (tx, actor) =>
        billingInput(tx, actor, request.params.trajectoryId, locale),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(downloadName(input.trajectory.title, "uren.pdf")))
        .send(await app.pdf.render({ kind: "billing", input }));
    },
  );

  app.get(
    "/trajectories/:trajectoryId/billing.csv",
    { schema: { tags, params: trajectoryParams } },
    async (request, reply) => {
      const locale = requestLocale(request);
      const input = await withTenant(request, (tx, actor) =>
        billingInput(tx, actor, request.params.trajectoryId, locale),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", attachment(downloadName(input.trajectory.title, "uren.csv")))
        .send(renderBillingCsv(input));
    },
  );

  app.get("/due", { schema: { tags, response: { 200: z.object({ items: z.array(dueItemSchema) }) } } }, (request) => {
    requireAuth(request);
    const keptParts = keptDueParts(request.server.db);
    return withTenant(request, async (tx, actor) => ({ items: await listDue(tx, actor, keptParts) }));
  });
};

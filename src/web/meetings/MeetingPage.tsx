import { Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasRole } from "../../domain/roles";
import { meetingType } from "../../domain/trajectories/evaluate";
import { canSee } from "../../domain/trajectories/policy";
import { formatDateTime } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { useCurrentRoles } from "../session";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { trajectoryPath } from "../trajectories/format";
import { FeedbackSection } from "./FeedbackSection";
import { MeetingFacts } from "./MeetingFacts";
import { MeetingForm } from "./MeetingForm";
import { useMeeting } from "./model";
import { PartsSection } from "./PartsSection";
import { SelfAssessmentSection } from "./SelfAssessmentSection";
import "./texts";

/**
 * One meeting of a trajectory: its details and observation (the guide records them), the
 * trainee's self-assessment before it, and the feedback after it, version by version.
 */
export default function MeetingPage() {
  const { t, i18n } = useTranslation("meetings");
  const { meetingTypeLabel } = useRegimeText();
  const params = useParams();
  const meetingId = params.meetingId ?? "";
  const query = useMeeting(meetingId);
  const roles = useCurrentRoles();
  const reload = async () => (await query.refetch()).data;

  const trajectoryId = query.data?.trajectoryId ?? params.trajectoryId ?? "";
  const back = (
    <BackLink to={trajectoryPath(trajectoryId, "meetings")}>
      {query.data ? t("back", { title: query.data.trajectoryTitle }) : t("backFallback")}
    </BackLink>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("notFound")} />;

  const meeting = query.data;
  const type = meetingType(meeting.regime, meeting.type);
  const typeLabel = meetingTypeLabel(meeting.regime, meeting.type);
  const observationForm = type?.observationForm
    ? meeting.regime.observationForms.find((f) => f.key === type.observationForm)
    : undefined;
  // Only those the regime lets read self-assessments are told whether there is one.
  const viewer = { userId: "", participantRoles: meeting.viewerRoles, admin: hasRole({ roles }, "admin") };
  const showSelfAssessment =
    (Boolean(type?.selfAssessmentBefore) && canSee(viewer, meeting.regime, "selfAssessments")) ||
    meeting.abilities.selfAssess ||
    meeting.selfAssessment !== null;

  return (
    <Stack gap="md" maw={960}>
      {back}
      <PageTitle>{t("title", { type: typeLabel, date: formatDateTime(meeting.startsAt, i18n.language) })}</PageTitle>
      <Group gap="xs" mt={-8}>
        <Badge variant="light" color={meeting.status === "cancelled" ? "gray" : undefined}>
          {t(`status.${meeting.status}`)}
        </Badge>
        {meeting.unannounced && (
          <Badge variant="outline" color="gray.8">
            {t("badges.unannounced")}
          </Badge>
        )}
        {meeting.confidential && (
          <Badge variant="outline" color="gray.8">
            {t("badges.confidential")}
          </Badge>
        )}
      </Group>
      {meeting.abilities.edit ? (
        <MeetingForm key={meeting.id} meeting={meeting} observationForm={observationForm} onReload={reload} />
      ) : (
        <MeetingFacts meeting={meeting} typeLabel={typeLabel} observationForm={observationForm} />
      )}
      {showSelfAssessment && <SelfAssessmentSection key={`self-${meeting.id}`} meeting={meeting} onReload={reload} />}
      {type && type.partsBy.length > 0 && (
        <PartsSection key={`parts-${meeting.id}`} meeting={meeting} roles={type.partsBy} onReload={reload} />
      )}
      {type?.feedback && <FeedbackSection key={`feedback-${meeting.id}`} meeting={meeting} onReload={reload} />}
    </Stack>
  );
}

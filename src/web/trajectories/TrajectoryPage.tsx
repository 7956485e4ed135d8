import { Alert, Anchor, Button, Card, Grid, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { DeclarationsTab } from "../declarations/DeclarationsTab";
import { formatDate } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { BillingLinks } from "./components/BillingLinks";
import { ConsentsSection } from "./components/ConsentsSection";
import { DueList } from "./components/DueList";
import { GoalsSection } from "./components/GoalsSection";
import { HoursSection } from "./components/HoursSection";
import { MeetingsSection } from "./components/MeetingsSection";
import { ParticipantsManager } from "./components/ParticipantsManager";
import { PlanSection } from "./components/PlanSection";
import { ReportSection } from "./components/ReportSection";
import { StatusActions } from "./components/StatusActions";
import { TrajectoryStatusBadge } from "./components/StatusBadge";
import {
  localDay,
  participantGroups,
  TRAJECTORY_TABS,
  type TrajectoryTab,
  tabFromParam,
  trajectoryPath,
} from "./format";
import { type TrajectoryDetail, useTrajectory } from "./model";
import "./texts";

// The chart library is large: it loads only when someone opens the ratings.
const RatingsChart = lazy(() => import("./components/RatingsChart"));

/** The parts this person may see, in the order of the work. */
function visibleTabs(detail: TrajectoryDetail): TrajectoryTab[] {
  const tabs: TrajectoryTab[] = [];
  if (detail.plan !== null) tabs.push("plan");
  if (detail.regime.consents.length > 0) tabs.push("consents");
  if (detail.goals !== null) tabs.push("goals");
  if (detail.meetings !== null) tabs.push("meetings");
  if (detail.ratings !== null && detail.goals !== null) tabs.push("ratings");
  if (detail.abilities.seeHours && detail.hours !== null) tabs.push("hours");
  if (detail.abilities.seeReport) tabs.push("report");
  if (detail.regime.declarations.length > 0) tabs.push("declarations");
  return tabs;
}

/** One trajectory: who, when and where it stands, what can happen next, and its parts as tabs. */
export default function TrajectoryPage() {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text, statusLabel } = useRegimeText();
  const trajectoryId = useParams().trajectoryId ?? "";
  const [params, setParams] = useSearchParams();
  const query = useTrajectory(trajectoryId);
  const reload = async () => (await query.refetch()).data;

  const back = <BackLink to="/trajecten">{t("detail.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("detail.notFound")} />;

  const detail = query.data;
  const { regime } = detail;
  const statusName = statusLabel(regime, detail.status);
  const tabs = visibleTabs(detail);
  const tab = tabFromParam(params.get("deel")) ?? tabs[0] ?? null;
  const active = tab && tabs.includes(tab) ? tab : (tabs[0] ?? null);
  const aborted = detail.status === "aborted";

  function chooseTab(value: string | null) {
    const next = value as TrajectoryTab | null;
    setParams(
      (previous) => {
        const copy = new URLSearchParams(previous);
        if (next && next !== tabs[0]) copy.set("deel", TRAJECTORY_TABS[next]);
        else copy.delete("deel");
        return copy;
      },
      { replace: true },
    );
  }

  return (
    <Stack gap="md">
      {back}
      <PageTitle actions={<TrajectoryStatusBadge status={detail.status} label={statusName} />}>
        {detail.title}
      </PageTitle>

      {aborted && detail.abilities.seeBilling && (
        <Alert
          color="red"
          variant="light"
          title={t("detail.abortedTitle")}
          styles={{ title: { color: "var(--mantine-color-text)" } }}
        >
          <Text size="sm" mb="sm">
            {t("detail.abortedBilling")}
          </Text>
          <BillingLinks trajectoryId={detail.id} />
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder component="section" aria-labelledby="trajectory-overview" h="100%">
            <Title order={3} size="h4" mb="sm" id="trajectory-overview">
              {t("detail.overview")}
            </Title>
            <Stack component="dl" gap="xs" m={0}>
              <Fact label={t("detail.regime")}>{text(regime.name)}</Fact>
              <Fact label={t("detail.period")}>
                {t("list.period", {
                  start: formatDate(localDay(detail.startsOn), lang),
                  end: formatDate(localDay(detail.endsOn), lang),
                })}
              </Fact>
              {participantGroups(regime, detail.participants, text).map((group) => (
                <Fact key={group.role} label={group.label}>
                  {group.names.join(", ")}
                </Fact>
              ))}
              {detail.guideEligibility && (
                <Fact label={t("eligibility.fact")}>
                  {t("eligibility.factText", {
                    verdict: t(`eligibility.${detail.guideEligibility.verdict}`),
                    rule: text(detail.guideEligibility.rule),
                  })}
                </Fact>
              )}
              {detail.statusOn && (
                <Fact label={t("detail.statusOn")}>{formatDate(localDay(detail.statusOn), lang)}</Fact>
              )}
              {detail.statusChoice && <Fact label={t("detail.statusChoice")}>{detail.statusChoice}</Fact>}
              {detail.statusReason && <Fact label={t("detail.statusReason")}>{detail.statusReason}</Fact>}
              {detail.escalatedFrom && (
                <Fact label={t("detail.escalatedFrom")}>
                  <Anchor component={Link} to={trajectoryPath(detail.escalatedFrom.id)}>
                    {detail.escalatedFrom.title}
                  </Anchor>
                </Fact>
              )}
              {detail.escalatedTo && (
                <Fact label={t("detail.escalatedTo")}>
                  <Anchor component={Link} to={trajectoryPath(detail.escalatedTo.id)}>
                    {detail.escalatedTo.title}
                  </Anchor>
                </Fact>
              )}
            </Stack>
            {detail.abilities.manageParticipants && <ParticipantsManager detail={detail} />}
            {detail.meetings !== null && (
              <Button
                component="a"
                href={`/api/v1/trajectories/${encodeURIComponent(detail.id)}/progress.pdf`}
                download
                variant="light"
                size="sm"
                mt="md"
                style={{ alignSelf: "flex-start" }}
              >
                {t("detail.progressPdf")}
              </Button>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder component="section" aria-labelledby="trajectory-status" h="100%">
            <Group justify="space-between" mb="sm" gap="xs">
              <Title order={3} size="h4" id="trajectory-status">
                {t("detail.status")}
              </Title>
            </Group>
            <Text size="sm" mb="sm">
              {t("detail.statusNow", { status: statusName })}
            </Text>
            <StatusActions detail={detail} />
          </Card>
        </Grid.Col>
      </Grid>

      {detail.due.length > 0 && (
        <Card withBorder component="section" aria-labelledby="trajectory-due">
          <Title order={3} size="h4" mb="sm" id="trajectory-due">
            {t("detail.due")}
          </Title>
          <DueList items={detail.due} label={t("detail.due")} withTrajectory={false} />
        </Card>
      )}

      {active && (
        <Tabs value={active} onChange={chooseTab} keepMounted>
          <Tabs.List aria-label={t("detail.parts")}>
            {tabs.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.includes("plan") && (
            <Tabs.Panel value="plan" pt="md">
              <PlanSection key={detail.id} detail={detail} onReload={reload} />
            </Tabs.Panel>
          )}
          {tabs.includes("consents") && (
            <Tabs.Panel value="consents" pt="md">
              <ConsentsSection key={detail.id} detail={detail} />
            </Tabs.Panel>
          )}
          {tabs.includes("goals") && (
            <Tabs.Panel value="goals" pt="md">
              <GoalsSection key={detail.id} detail={detail} onReload={reload} />
            </Tabs.Panel>
          )}
          {tabs.includes("meetings") && (
            <Tabs.Panel value="meetings" pt="md">
              <MeetingsSection key={detail.id} detail={detail} />
            </Tabs.Panel>
          )}
          {tabs.includes("ratings") && (
            <Tabs.Panel value="ratings" pt="md">
              <Title order={3} size="h4" mb="sm">
                {t("ratings.title")}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t("ratings.intro", { min: regime.goals.ratingScale.min, max: regime.goals.ratingScale.max })}
              </Text>
              {(detail.goals ?? []).length === 0 ? (
                <Text size="sm">{t("goals.empty")}</Text>
              ) : (
                active === "ratings" && (
                  <Suspense fallback={<Loading />}>
                    <RatingsChart
                      goals={[...(detail.goals ?? [])].sort((a, b) => a.position - b.position)}
                      ratings={detail.ratings ?? []}
                      scale={regime.goals.ratingScale}
                    />
                  </Suspense>
                )
              )}
            </Tabs.Panel>
          )}
          {tabs.includes("hours") && detail.hours && (
            <Tabs.Panel value="hours" pt="md">
              <HoursSection detail={detail} hours={detail.hours} />
            </Tabs.Panel>
          )}
          {tabs.includes("report") && (
            <Tabs.Panel value="report" pt="md">
              <Title order={3} size="h4" mb="sm">
                {t("report.title")}
              </Title>
              <ReportSection detail={detail} />
            </Tabs.Panel>
          )}
          {tabs.includes("declarations") && (
            <Tabs.Panel value="declarations" pt="md">
              {active === "declarations" && <DeclarationsTab trajectoryId={detail.id} />}
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

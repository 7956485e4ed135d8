import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate, useLocation } from "react-router";
import { canReadCases, canWriteCases } from "../domain/cases/policy";
import { canReadScanResults, canScanSelf, canSeeScanOverview, canViewFrameworks } from "../domain/competences/policy";
import { canAuthorNetworkModules, canFollowModules, canSeeAssignmentQueue } from "../domain/modules/policy";
import { canViewNetwork } from "../domain/networks/policy";
import { hasRole, type Role } from "../domain/roles";
import { canStartTrajectory } from "../domain/trajectories/policy";
import { ForgotPasswordPage } from "./auth/ForgotPasswordPage";
import { LoginPage } from "./auth/LoginPage";
import { ResetPasswordPage } from "./auth/ResetPasswordPage";
import { HomePage } from "./home/HomePage";
import { useSession } from "./session";
import { AppShellLayout } from "./shell/AppShellLayout";
import { ErrorPage } from "./shell/ErrorPage";
import { Loading } from "./shell/PageStates";

const PeoplePage = lazy(() => import("./people/PeoplePage"));
const PersonPage = lazy(() => import("./people/PersonPage"));
const ImportPage = lazy(() => import("./people/ImportPage"));
const InvitationsPage = lazy(() => import("./invitations/InvitationsPage"));
const AcceptInvitationPage = lazy(() => import("./invitations/AcceptInvitationPage"));
const BrandingPage = lazy(() => import("./organisations/BrandingPage"));
const NetworkPage = lazy(() => import("./networks/NetworkPage"));
const LearningPathPage = lazy(() => import("./learning-paths/LearningPathPage"));
const ConsensusPage = lazy(() => import("./consensus/ConsensusPage"));
const AuditPage = lazy(() => import("./audit/AuditPage"));
const OutboxPage = lazy(() => import("./outbox/OutboxPage"));
const ProcessingRegisterPage = lazy(() => import("./privacy/ProcessingRegisterPage"));
const RetentionPeriodsPage = lazy(() => import("./privacy/RetentionPeriodsPage"));
const OwnAccessLogPage = lazy(() => import("./privacy/AccessLogPage").then((m) => ({ default: m.OwnAccessLogPage })));
const AccessLogSearchPage = lazy(() =>
  import("./privacy/AccessLogPage").then((m) => ({ default: m.AccessLogSearchPage })),
);
const MeetingPage = lazy(() => import("./meetings/MeetingPage"));
const ReportPage = lazy(() => import("./reports/ReportPage"));
const RegimesPage = lazy(() => import("./regimes/RegimesPage"));
const RegimePage = lazy(() => import("./regimes/RegimePage"));
const CalendarPage = lazy(() => import("./calendar/CalendarPage"));
const TrajectoriesPage = lazy(() => import("./trajectories/TrajectoriesPage"));
const StartTrajectoryPage = lazy(() => import("./trajectories/StartTrajectoryPage"));
const TrajectoryPage = lazy(() => import("./trajectories/TrajectoryPage"));
const RetentionPage = lazy(() => import("./trajectories/RetentionPage"));
const QualificationsPage = lazy(() => import("./qualifications/QualificationsPage"));
const DeclarationPage = lazy(() => import("./declarations/DeclarationPage"));
const VerifyPage = lazy(() => import("./declarations/VerifyPage"));
const EvidencePage = lazy(() => import("./evidence/EvidencePage"));
const ProfilesPage = lazy(() => import("./evidence/ProfilesPage"));
const ProfilePage = lazy(() => import("./evidence/ProfilePage"));
const IntervisionGroupsPage = lazy(() => import("./intervision/IntervisionGroupsPage"));
const EventsPage = lazy(() => import("./events/EventsPage"));
const TrainersPage = lazy(() => import("./trainers/TrainersPage"));
const NewEventPage = lazy(() => import("./events/NewEventPage"));
const EditEventPage = lazy(() => import("./events/NewEventPage").then((m) => ({ default: m.EditEventPage })));
const EventPage = lazy(() => import("./events/EventPage"));
const CheckInPage = lazy(() => import("./events/CheckInPage"));
const IntervisionGroupPage = lazy(() => import("./intervision/IntervisionGroupPage"));
const IntervisionMeetingPage = lazy(() => import("./intervision/IntervisionMeetingPage"));
const NotificationsPage = lazy(() => import("./notifications/NotificationsPage"));
const AccountPage = lazy(() => import("./account/AccountPage"));
const ScansPage = lazy(() => import("./scans/ScansPage"));
const ScanPage = lazy(() => import("./scans/ScanPage"));
const FrameworksPage = lazy(() => import("./frameworks/FrameworksPage"));
const ModulesPage = lazy(() => import("./modules/ModulesPage"));
const ModulePage = lazy(() => import("./modules/ModulePage"));
const ModuleEditPage = lazy(() => import("./modules/ModuleEditPage"));
const AssignmentsPage = lazy(() => import("./modules/AssignmentsPage"));
const CasesPage = lazy(() => import("./cases/CasesPage"));
const CasePage = lazy(() => import("./cases/CasePage"));
const NewCasePage = lazy(() => import("./cases/NewCasePage"));
const FrameworkPage = lazy(() => import("./frameworks/FrameworkPage"));
const FrameworkComparePage = lazy(() => import("./frameworks/FrameworkComparePage"));
const VersionEditPage = lazy(() => import("./frameworks/VersionEditPage"));
const ExtensionsPage = lazy(() => import("./frameworks/ExtensionsPage"));
const ScanResultPage = lazy(() => import("./scans/ScanResultPage"));
const ScanComparePage = lazy(() => import("./scans/ScanComparePage"));
const ScanOverviewPage = lazy(() => import("./scans/ScanOverviewPage"));
const FriendRequestsPage = lazy(() => import("./scans/FriendRequestsPage"));
const FriendRequestPage = lazy(() =>
  import("./scans/FriendRequestsPage").then((m) => ({ default: m.FriendRequestPage })),
);
const FriendLinkPage = lazy(() => import("./scans/FriendLinkPage"));

/**
 * Pages behind sign-in; with `roles`, only for people holding one of them; with `may`, only for
 * people the domain's policy lets in by their roles.
 */
function Guard({
  roles,
  may,
  children,
}: {
  roles?: Role[];
  may?: (roles: readonly string[]) => boolean;
  children: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (!session.data?.user) return <Navigate to={`/inloggen?next=${encodeURIComponent(location.pathname)}`} replace />;
  const held = session.data.organisation?.roles ?? [];
  if ((roles && !hasRole({ roles: held }, ...roles)) || (may && !may(held))) return <ErrorPage kind="forbidden" />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

const admin: Role[] = ["admin"];
const organisers: Role[] = ["admin", "training_officer"];
const retentionReaders: Role[] = ["admin", "training_officer", "network_coordinator"];
const qualificationKeepers: Role[] = ["admin", "training_officer"];
const trainerViewers: Role[] = ["admin", "training_officer", "network_coordinator", "trainer"];

export const router = createBrowserRouter([
  { path: "/inloggen", element: <LoginPage /> },
  { path: "/wachtwoord-vergeten", element: <ForgotPasswordPage /> },
  { path: "/wachtwoord-herstellen", element: <ResetPasswordPage /> },
  {
    path: "/uitnodiging",
    element: (
      <Suspense fallback={<Loading />}>
        <AcceptInvitationPage />
      </Suspense>
    ),
  },
  {
    // A critical friend without an account: the token in the mail is the credential.
    path: "/kritische-vriend",
    element: (
      <Suspense fallback={<Loading />}>
        <FriendLinkPage />
      </Suspense>
    ),
  },
  {
    // Anyone holding a declaration's PDF or hash may check it, signed in or not.
    path: "/verifieren",
    element: (
      <Suspense fallback={<Loading />}>
        <VerifyPage />
      </Suspense>
    ),
  },
  {
    element: (
      <Guard>
        <AppShellLayout />
      </Guard>
    ),
    children: [
      { path: "/", element: <HomePage /> },
      {
        path: "/mijn-gegevens",
        element: (
          <Guard>
            <AccountPage />
          </Guard>
        ),
      },
      {
        path: "/mijn-gegevens/inzage",
        element: (
          <Guard>
            <OwnAccessLogPage />
          </Guard>
        ),
      },
      {
        path: "/mensen",
        element: (
          <Guard roles={admin}>
            <PeoplePage />
          </Guard>
        ),
      },
      {
        path: "/mensen/importeren",
        element: (
          <Guard roles={admin}>
            <ImportPage />
          </Guard>
        ),
      },
      {
        path: "/mensen/:personId",
        element: (
          <Guard roles={admin}>
            <PersonPage />
          </Guard>
        ),
      },
      {
        path: "/uitnodigingen",
        element: (
          <Guard roles={admin}>
            <InvitationsPage />
          </Guard>
        ),
      },
      {
        path: "/leerroute",
        element: (
          <Guard may={(roles) => canScanSelf({ roles: roles as Role[] })}>
            <LearningPathPage />
          </Guard>
        ),
      },
      {
        path: "/netwerk",
        element: (
          <Guard may={(roles) => canViewNetwork({ roles: roles as Role[] })}>
            <NetworkPage />
          </Guard>
        ),
      },
      {
        path: "/modules",
        element: (
          <Guard may={(roles) => canFollowModules({ roles: roles as Role[] })}>
            <ModulesPage />
          </Guard>
        ),
      },
      {
        path: "/modules/:moduleId",
        element: (
          <Guard may={(roles) => canFollowModules({ roles: roles as Role[] })}>
            <ModulePage />
          </Guard>
        ),
      },
      {
        path: "/modules/:moduleId/versies/:versionId/bewerken",
        element: (
          <Guard may={(roles) => canAuthorNetworkModules({ roles: roles as Role[] })}>
            <ModuleEditPage />
          </Guard>
        ),
      },
      {
        path: "/werkplekopdrachten",
        element: (
          <Guard may={(roles) => canSeeAssignmentQueue({ roles: roles as Role[] })}>
            <AssignmentsPage />
          </Guard>
        ),
      },
      {
        path: "/casuistiek",
        element: (
          <Guard may={(roles) => canReadCases({ roles: roles as Role[] })}>
            <CasesPage />
          </Guard>
        ),
      },
      {
        path: "/casuistiek/nieuw",
        element: (
          <Guard may={(roles) => canWriteCases({ roles: roles as Role[] })}>
            <NewCasePage />
          </Guard>
        ),
      },
      {
        path: "/casuistiek/:caseId",
        element: (
          <Guard may={(roles) => canReadCases({ roles: roles as Role[] })}>
            <CasePage />
          </Guard>
        ),
      },
      {
        path: "/kaders",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <FrameworksPage />
          </Guard>
        ),
      },
      {
        path: "/kaders/:frameworkId",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <FrameworkPage />
          </Guard>
        ),
      },
      {
        path: "/kaders/:frameworkId/vergelijken",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <FrameworkComparePage />
          </Guard>
        ),
      },
      {
        path: "/kaders/:frameworkId/uitbreiding",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <ExtensionsPage />
          </Guard>
        ),
      },
      {
        path: "/kaders/:frameworkId/versies/:versionId/bewerken",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <VersionEditPage />
          </Guard>
        ),
      },
      {
        // The consensus round on a version of a network framework (linked from its notifications).
        path: "/kaders/:frameworkId/versies/:versionId/consensus",
        element: (
          <Guard may={(roles) => canViewFrameworks({ roles: roles as Role[] })}>
            <ConsensusPage />
          </Guard>
        ),
      },
      {
        path: "/huisstijl",
        element: (
          <Guard roles={admin}>
            <BrandingPage />
          </Guard>
        ),
      },
      {
        path: "/logboek",
        element: (
          <Guard roles={admin}>
            <AuditPage />
          </Guard>
        ),
      },
      {
        path: "/verwerkingsregister",
        element: (
          <Guard roles={admin}>
            <ProcessingRegisterPage />
          </Guard>
        ),
      },
      {
        path: "/bewaartermijnen",
        element: (
          <Guard roles={admin}>
            <RetentionPeriodsPage />
          </Guard>
        ),
      },
      {
        path: "/inzagelog",
        element: (
          <Guard roles={admin}>
            <AccessLogSearchPage />
          </Guard>
        ),
      },
      {
        path: "/uitgaande-mail",
        element: (
          <Guard roles={admin}>
            <OutboxPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten",
        element: (
          <Guard>
            <TrajectoriesPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten/nieuw",
        element: (
          <Guard may={canStartTrajectory}>
            <StartTrajectoryPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten/:trajectoryId",
        element: (
          <Guard>
            <TrajectoryPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten/:trajectoryId/bijeenkomsten/:meetingId",
        element: (
          <Guard>
            <MeetingPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten/:trajectoryId/verslag",
        element: (
          <Guard>
            <ReportPage />
          </Guard>
        ),
      },
      {
        path: "/regelingen",
        element: (
          <Guard roles={admin}>
            <RegimesPage />
          </Guard>
        ),
      },
      {
        path: "/regelingen/:regimeId",
        element: (
          <Guard roles={admin}>
            <RegimePage />
          </Guard>
        ),
      },
      {
        path: "/agenda",
        element: (
          <Guard>
            <CalendarPage />
          </Guard>
        ),
      },
      {
        path: "/trajecten/:trajectoryId/verklaringen/:declarationId",
        element: (
          <Guard>
            <DeclarationPage />
          </Guard>
        ),
      },
      {
        path: "/bewijs",
        element: (
          <Guard>
            <EvidencePage />
          </Guard>
        ),
      },
      {
        path: "/bewijs/:personId",
        element: (
          <Guard>
            <EvidencePage />
          </Guard>
        ),
      },
      {
        path: "/eisenprofielen",
        element: (
          <Guard roles={admin}>
            <ProfilesPage />
          </Guard>
        ),
      },
      {
        path: "/eisenprofielen/:profileId",
        element: (
          <Guard roles={admin}>
            <ProfilePage />
          </Guard>
        ),
      },
      {
        path: "/kwalificaties",
        element: (
          <Guard roles={qualificationKeepers}>
            <QualificationsPage />
          </Guard>
        ),
      },
      {
        path: "/studentbehoud",
        element: (
          <Guard roles={retentionReaders}>
            <RetentionPage />
          </Guard>
        ),
      },
      {
        path: "/trainers",
        element: (
          <Guard roles={trainerViewers}>
            <TrainersPage />
          </Guard>
        ),
      },
      {
        path: "/activiteiten",
        element: (
          <Guard>
            <EventsPage />
          </Guard>
        ),
      },
      {
        path: "/activiteiten/nieuw",
        element: (
          <Guard roles={organisers}>
            <NewEventPage />
          </Guard>
        ),
      },
      {
        path: "/activiteiten/:eventId",
        element: (
          <Guard>
            <EventPage />
          </Guard>
        ),
      },
      {
        path: "/activiteiten/:eventId/wijzigen",
        element: (
          <Guard roles={organisers}>
            <EditEventPage />
          </Guard>
        ),
      },
      {
        path: "/activiteiten/:eventId/aanwezig",
        element: (
          <Guard>
            <CheckInPage />
          </Guard>
        ),
      },
      {
        path: "/intervisie",
        element: (
          <Guard>
            <IntervisionGroupsPage />
          </Guard>
        ),
      },
      {
        path: "/intervisie/:groupId",
        element: (
          <Guard>
            <IntervisionGroupPage />
          </Guard>
        ),
      },
      {
        path: "/intervisie/:groupId/bijeenkomsten/:groupMeetingId",
        element: (
          <Guard>
            <IntervisionMeetingPage />
          </Guard>
        ),
      },
      {
        path: "/meldingen",
        element: (
          <Guard>
            <NotificationsPage />
          </Guard>
        ),
      },
      {
        path: "/zelfscan",
        element: (
          <Guard may={(roles) => canScanSelf({ roles: roles as Role[] })}>
            <ScansPage />
          </Guard>
        ),
      },
      {
        path: "/zelfscan/:scanId",
        element: (
          <Guard may={(roles) => canScanSelf({ roles: roles as Role[] })}>
            <ScanPage />
          </Guard>
        ),
      },
      {
        path: "/zelfscan/vergelijken",
        element: (
          <Guard may={(roles) => canScanSelf({ roles: roles as Role[] })}>
            <ScanComparePage />
          </Guard>
        ),
      },
      {
        path: "/zelfscan/:scanId/resultaat",
        element: (
          <Guard may={(roles) => canReadScanResults({ roles: roles as Role[] })}>
            <ScanResultPage />
          </Guard>
        ),
      },
      {
        path: "/zelfscans",
        element: (
          <Guard may={(roles) => canSeeScanOverview({ roles: roles as Role[] })}>
            <ScanOverviewPage />
          </Guard>
        ),
      },
      {
        path: "/beoordelen",
        element: (
          <Guard>
            <FriendRequestsPage />
          </Guard>
        ),
      },
      {
        path: "/beoordelen/:friendId",
        element: (
          <Guard>
            <FriendRequestPage />
          </Guard>
        ),
      },
      { path: "*", element: <ErrorPage kind="notFound" /> },
    ],
  },
]);

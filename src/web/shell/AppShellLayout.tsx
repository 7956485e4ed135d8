import { AppShell, Burger, Group, Image, NavLink, ScrollArea, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { canReadCases } from "../../domain/cases/policy";
import { canScanSelf, canSeeScanOverview, canViewFrameworks } from "../../domain/competences/policy";
import { canFollowModules, canSeeAssignmentQueue } from "../../domain/modules/policy";
import { canViewNetwork } from "../../domain/networks/policy";
import { canManageQualifications } from "../../domain/qualifications/policy";
import { hasRole } from "../../domain/roles";
import { canViewTrainers } from "../../domain/trainers/policy";
import { canSeeRetention } from "../../domain/trajectories/policy";
import { NotificationBell } from "../notifications/NotificationBell";
import { useSession } from "../session";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { OrganisationSwitch } from "./OrganisationSwitch";

interface NavItem {
  to: string;
  label: string;
  show: boolean;
  /** Also marked while on a page below it (a trajectory under "Trajecten"). */
  covers?: boolean;
}

export function AppShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession().data;
  const location = useLocation();
  const organisation = session?.organisation;
  const roles = organisation?.roles ?? [];
  const admin = hasRole({ roles }, "admin");

  const items: NavItem[] = [
    { to: "/", label: t("nav.home"), show: true },
    { to: "/trajecten", label: t("nav.trajectories"), show: true, covers: true },
    { to: "/intervisie", label: t("nav.intervision"), show: true, covers: true },
    { to: "/activiteiten", label: t("nav.events"), show: true, covers: true },
    { to: "/trainers", label: t("nav.trainers"), show: canViewTrainers({ roles }) },
    { to: "/studentbehoud", label: t("nav.retention"), show: canSeeRetention({ roles }) || canViewNetwork({ roles }) },
    { to: "/kwalificaties", label: t("nav.qualifications"), show: canManageQualifications({ roles }) },
    { to: "/bewijs", label: t("nav.evidence"), show: true, covers: true },
    { to: "/zelfscan", label: t("nav.selfScan"), show: canScanSelf({ roles }), covers: true },
    { to: "/zelfscans", label: t("nav.scanOverview"), show: canSeeScanOverview({ roles }) },
    // Every member may be asked as a critical friend.
    { to: "/beoordelen", label: t("nav.rate"), show: true, covers: true },
    { to: "/meldingen", label: t("nav.notifications"), show: true },
    { to: "/leerroute", label: t("nav.learningPath"), show: canScanSelf({ roles }) },
    { to: "/modules", label: t("nav.modules"), show: canFollowModules({ roles }), covers: true },
    { to: "/werkplekopdrachten", label: t("nav.assignments"), show: canSeeAssignmentQueue({ roles }) },
    { to: "/casuistiek", label: t("nav.cases"), show: canReadCases({ roles }), covers: true },
    { to: "/mensen", label: t("nav.people"), show: admin },
    { to: "/mensen/importeren", label: t("nav.import"), show: admin },
    { to: "/uitnodigingen", label: t("nav.invitations"), show: admin },
    { to: "/kaders", label: t("nav.frameworks"), show: canViewFrameworks({ roles }), covers: true },
    { to: "/netwerk", label: t("nav.network"), show: canViewNetwork({ roles }) },
    { to: "/huisstijl", label: t("nav.branding"), show: admin },
    { to: "/regelingen", label: t("nav.regimes"), show: admin },
    { to: "/eisenprofielen", label: t("nav.profiles"), show: admin, covers: true },
    { to: "/logboek", label: t("nav.audit"), show: admin },
    { to: "/uitgaande-mail", label: t("nav.outbox"), show: admin },
    { to: "/verwerkingsregister", label: t("nav.processingRegister"), show: admin },
    { to: "/inzagelog", label: t("nav.accessLog"), show: admin },
    { to: "/bewaartermijnen", label: t("nav.retentionPeriods"), show: admin },
  ];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#inhoud" className="skip-link">
        {t("skipToContent")}
      </a>
      <AppShell.Header bg="brand.7" c="white">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={opened ? t("menu.close") : t("menu.open")}
            />
            {organisation?.logoUrl && (
              <Image src={organisation.logoUrl} alt="" h={36} w={36} radius="sm" bg="white" fit="contain" />
            )}
            <Title order={1} size="h4" c="white" lineClamp={1} data-testid="organisation-name">
              {organisation?.name ?? t("appName")}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {session?.user && organisation && <NotificationBell />}
            <LanguageSwitch compact onDark />
            {session?.user && <AccountMenu name={session.user.name} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.label")} component="nav">
        <ScrollArea>
          {(session?.organisations.length ?? 0) > 1 && <OrganisationSwitch onSwitched={close} />}
          {items
            .filter((item) => item.show)
            .map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={
                  location.pathname === item.to || (item.covers === true && location.pathname.startsWith(`${item.to}/`))
                }
                aria-current={location.pathname === item.to ? "page" : undefined}
                onClick={close}
              />
            ))}
          <Text size="xs" c="dimmed" mt="lg" px="sm">
            <a href="/api/docs">{t("nav.apiDocs")}</a>
          </Text>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="inhoud" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

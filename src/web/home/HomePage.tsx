import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasRole } from "../../domain/roles";
import { useSession } from "../session";
import { PageTitle } from "../shell/PageTitle";
import { DueOverview } from "../trajectories/components/DueOverview";

export function HomePage() {
  const { t } = useTranslation("home");
  const { t: tc } = useTranslation();
  const session = useSession().data;
  const organisation = session?.organisation;
  if (!session?.user || !organisation) return null;
  const admin = hasRole(organisation, "admin");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Stack>
        <Card withBorder>
          <Text fw={600} size="lg">
            {t("welcome", { name: session.user.name })}
          </Text>
          <Text mt="xs">{t("rolesIn", { organisation: organisation.name })}</Text>
          <Group gap="xs" mt="xs">
            {organisation.roles.map((role) => (
              <Badge key={role} variant="light">
                {tc(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
        </Card>
        {admin && (
          <Card withBorder>
            <Text>{t("adminIntro")}</Text>
            <Group mt="sm" gap="sm">
              <Button component={Link} to="/mensen" variant="light">
                {tc("nav.people")}
              </Button>
              <Button component={Link} to="/uitnodigingen" variant="light">
                {tc("nav.invitations")}
              </Button>
            </Group>
          </Card>
        )}
        <DueOverview />
      </Stack>
    </>
  );
}

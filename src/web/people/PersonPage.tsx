import { Alert, Anchor, Card, Grid, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErasureSection } from "../privacy/Erasure";
import { ExportRequestSection } from "../privacy/PersonalExport";
import { useSession } from "../session";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { usePerson } from "./components/model";
import { PersonEditForm } from "./components/PersonEditForm";
import { RegistrationsSection } from "./components/RegistrationsSection";
import { StatusSection } from "./components/StatusSection";
import "./texts";

/** One person of the organisation: details, status, professional registrations, their export on request and their erasure. */
export default function PersonPage() {
  const { t } = useTranslation("people");
  const personId = useParams().personId ?? "";
  const query = usePerson(personId);
  const me = useSession().data?.user?.id;
  const reload = async () => (await query.refetch()).data;

  const back = <BackLink to="/mensen">{t("person.back")}</BackLink>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("person.notFound")} />;

  const person = query.data;
  return (
    <Stack gap="md">
      {back}
      <PageTitle>{person.name}</PageTitle>
      <Anchor component={Link} to={`/bewijs/${person.id}`} size="sm">
        {t("person.evidence")}
      </Anchor>
      {person.erased ? (
        <Alert color="gray" variant="light">
          {t("person.erasedText")}
        </Alert>
      ) : (
        person.status === "deactivated" && (
          <Alert color="gray" variant="light">
            {t("person.deactivatedText")}
          </Alert>
        )
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder component="section" aria-labelledby="person-details-heading">
            <Title order={3} size="h4" mb="sm" id="person-details-heading">
              {t("person.details")}
            </Title>
            <PersonEditForm key={person.id} person={person} onReload={reload} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder component="section" aria-labelledby="person-status-heading">
            <Title order={3} size="h4" mb="sm" id="person-status-heading">
              {t("person.statusSection")}
            </Title>
            <StatusSection person={person} onReload={reload} />
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder component="section" aria-labelledby="person-registrations-heading">
        <Title order={3} size="h4" mb="sm" id="person-registrations-heading">
          {t("registrations.title")}
        </Title>
        <RegistrationsSection person={person} onReload={reload} />
      </Card>
      {person.status !== "invited" && !person.erased && (
        <Card withBorder component="section" aria-labelledby="person-export-heading">
          <Title order={3} size="h4" mb="sm" id="person-export-heading">
            {t("person.export")}
          </Title>
          <ExportRequestSection person={person} />
        </Card>
      )}
      {!person.erased && person.userId !== me && (
        <Card withBorder component="section" aria-labelledby="person-erasure-heading">
          <Title order={3} size="h4" mb="sm" id="person-erasure-heading">
            {t("person.erasure")}
          </Title>
          <ErasureSection person={person} />
        </Card>
      )}
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { type Figure, type PresentedLine, presentLedger } from "../../domain/evidence/present";
import { formatDate } from "../i18n";
import { useRegimeText } from "../i18n/regime-text";
import { ListTable } from "../shell/ListTable";
import { BackLink, LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { type EvidenceView, evidencePath, useEvidence } from "./model";
import "./texts";

const STATUS_COLOR = { met: "green", missing: "orange", notTracked: "gray" } as const;

/**
 * A person's evidence for one registration period: per requirement what they have, the minimum,
 * what is missing and by when, with the activities it counts. /bewijs is one's own;
 * /bewijs/:personId someone else's (admin, training officer).
 */
export default function EvidencePage() {
  const { t } = useTranslation("evidence");
  const personId = useParams().personId ?? null;
  const [params, setParams] = useSearchParams();
  const registration = params.get("registratie");
  const query = useEvidence(personId, registration);

  const back = personId ? <BackLink to={`/mensen/${personId}`}>{t("ledger.toPerson")}</BackLink> : null;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={back} error={query.error} notFound={t("ledger.notFound")} />;
  const view = query.data;
  const choose = (id: string) => setParams(id ? { registratie: id } : {}, { replace: true });

  return (
    <Stack maw={1100}>
      {back}
      <PageTitle>{personId ? t("ledger.personTitle", { name: view.person.name }) : t("ledger.myTitle")}</PageTitle>
      <Text>{t("ledger.intro")}</Text>
      {view.ledger ? (
        <Ledger view={view} personId={personId} onChoose={choose} />
      ) : (
        <Empty view={view} personId={personId} />
      )}
    </Stack>
  );
}

function Empty({ view, personId }: { view: EvidenceView; personId: string | null }) {
  const { t } = useTranslation("evidence");
  return (
    <Alert
      color="blue"
      variant="light"
      title={t("ledger.emptyTitle")}
      styles={{ message: { color: "var(--mantine-color-text)" } }}
    >
      <Stack gap="xs">
        <Text size="sm">{personId ? t("ledger.emptyOther", { name: view.person.name }) : t("ledger.emptySelf")}</Text>
        {personId && (
          <Anchor component={Link} to={`/mensen/${personId}`} size="sm">
            {t("ledger.toPerson")}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

function Ledger({
  view,
  personId,
  onChoose,
}: {
  view: EvidenceView;
  personId: string | null;
  onChoose: (id: string) => void;
}) {
  const { t, i18n } = useTranslation("evidence");
  const { text } = useRegimeText();
  const lang = i18n.language;
  if (!view.ledger) return null;
  // The same values the PDF and the CSV show: the presenter's, not worked out here again.
  const ledger = presentLedger(view.ledger, lang.startsWith("en") ? "en" : "nl");
  const query = `?registration=${encodeURIComponent(ledger.registrationId)}`;
  const base = `/api/v1${evidencePath(personId)}`;
  const options = view.registrations.map((r) => ({
    value: r.id,
    disabled: !r.usable,
    label: r.usable
      ? t("ledger.registrationOption", {
          register: r.register,
          type: r.registrationType,
          number: r.number,
          date: formatDate(r.reregistrationDate, lang),
        })
      : t("ledger.registrationUnusable", { register: r.register, type: r.registrationType, number: r.number }),
  }));
  const deadline = formatDate(ledger.deadline, lang);

  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="xs">
          <NativeSelect
            label={t("ledger.registration")}
            data={options}
            value={ledger.registrationId}
            onChange={(e) => onChoose(e.currentTarget.value)}
            maw={640}
          />
          <Text size="sm">
            {t("ledger.period", {
              from: formatDate(ledger.period.from, lang),
              to: formatDate(ledger.period.lastDay, lang),
            })}
            {" · "}
            {t("ledger.profile", { name: text(ledger.profileName) })}
          </Text>
          <Text size="sm" fw={500}>
            {ledger.daysLeft >= 0
              ? t("ledger.daysLeft", { count: ledger.daysLeft, date: deadline })
              : t("ledger.overdue", { date: deadline })}
            {ledger.complete ? ` ${t("ledger.complete")}` : ""}
          </Text>
          <Group gap="sm">
            <Button component="a" href={`${base}.pdf${query}`} download variant="light" size="sm">
              {t("ledger.pdf")}
            </Button>
            <Button component="a" href={`${base}.csv${query}`} download variant="light" size="sm">
              {t("ledger.csv")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {ledger.lines.map((line) => (
        <Requirement key={line.key} line={line} />
      ))}
    </Stack>
  );
}

function Requirement({ line }: { line: PresentedLine }) {
  const { t, i18n } = useTranslation("evidence");
  const { text } = useRegimeText();
  const lang = i18n.language;
  const label = text(line.label);
  const headingId = `requirement-${line.key}`;
  const unitValue = (figure: Figure) =>
    figure.unit === "hours"
      ? t("ledger.hoursValue", { value: figure.value })
      : figure.unit === "points"
        ? t("ledger.pointsValue", { value: figure.value })
        : t("ledger.sessions", { count: Number(figure.value) });
  const minimum = line.minimumIsPresence ? t("ledger.presentMinimum") : unitValue(line.minimum);

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {label}
          </Title>
          <Badge
            color={STATUS_COLOR[line.status]}
            variant="dot"
            styles={{ root: { overflow: "visible", flexShrink: 0 }, label: { overflow: "visible" } }}
          >
            {t(`ledger.status.${line.status}`)}
          </Badge>
        </Group>
        {line.have ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <FigureCell label={t("ledger.have")} value={unitValue(line.have)} />
              <FigureCell label={t("ledger.minimum")} value={minimum} />
              <FigureCell label={t("ledger.missing")} value={unitValue(line.missing)} />
              <FigureCell label={t("ledger.deadline")} value={formatDate(line.deadline, lang)} />
            </SimpleGrid>
            <Progress
              value={line.progress}
              color={line.status === "met" ? "green" : "blue"}
              aria-label={t("ledger.progress", { label, percent: line.progress })}
            />
            <Records line={line} />
            <NotCounted line={line} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("ledger.notTracked", { minimum })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function FigureCell({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function Records({ line }: { line: PresentedLine }) {
  const { t, i18n } = useTranslation("evidence");
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  if (line.records.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("ledger.noRecords")}
      </Text>
    );
  return (
    <ListTable
      rows={line.records}
      rowKey={(record) => `${record.kind}-${record.id}`}
      caption={`${t("ledger.records")} · ${t("ledger.sessions", { count: line.total.sessions })}`}
      minWidth={420}
      columns={[
        { key: "date", header: t("ledger.date"), cell: (record) => formatDate(record.date, lang) },
        { key: "activity", header: t("ledger.activity"), cell: (record) => <RecordLink record={record} /> },
        { key: "hours", header: t("ledger.hours"), cell: (record) => record.hours },
        line.columns.groupSize && {
          key: "groupSize",
          header: t("ledger.groupSize"),
          cell: (record) => record.groupSize,
        },
        line.columns.points && { key: "points", header: t("ledger.points"), cell: (record) => record.points },
        line.columns.mode && {
          key: "mode",
          header: t("ledger.mode"),
          cell: (record) => tc(`meetingModes.${record.mode ?? "notRecorded"}`),
        },
      ]}
    />
  );
}

/** The sessions of the period that do not count for the requirement, each with why: never silently dropped. */
function NotCounted({ line }: { line: PresentedLine }) {
  const { t, i18n } = useTranslation("evidence");
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  if (line.notCounted.length === 0) return null;
  const modes = (line.countedModes ?? []).map((m) => tc(`meetingModes.${m}`).toLowerCase()).join(", ");
  return (
    <ListTable
      rows={line.notCounted}
      rowKey={(record) => `${record.kind}-${record.id}`}
      caption={t("ledger.notCountedCaption", { count: line.notCounted.length })}
      minWidth={420}
      columns={[
        { key: "date", header: t("ledger.date"), cell: (record) => formatDate(record.date, lang) },
        { key: "activity", header: t("ledger.activity"), cell: (record) => <RecordLink record={record} /> },
        { key: "hours", header: t("ledger.hours"), cell: (record) => record.hours },
        {
          key: "mode",
          header: t("ledger.mode"),
          cell: (record) => tc(`meetingModes.${record.mode ?? "notRecorded"}`),
        },
        {
          key: "reason",
          header: t("ledger.reason"),
          cell: (record) => t(`ledger.reasons.${record.reason}`, { modes }),
        },
      ]}
    />
  );
}

function RecordLink({ record }: { record: { link: string; title: string } }) {
  return (
    <Anchor component={Link} to={record.link}>
      {record.title}
    </Anchor>
  );
}

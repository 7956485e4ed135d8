import { Group, List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n";
import { Tag } from "../trajectories/components/Tag";
import { localDay } from "../trajectories/format";
import { type DeclarationView, declarationBadges } from "./model";
import "./texts";

/** A declaration's state in words and colour: late, changed after signing, signed, draft, waiting for whom. */
export function DeclarationBadges({ declaration }: { declaration: DeclarationView }) {
  const { t } = useTranslation("declarations");
  return (
    <Group gap="xs" wrap="wrap">
      {declarationBadges(declaration).map((badge) => (
        <Tag key={badge.kind} color={badge.color}>
          {t(`status.${badge.kind}`, { who: badge.who })}
        </Tag>
      ))}
    </Group>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
        {children}
      </Text>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The declaration's content as it is (or will be) signed: the same parts as the PDF. */
export function DeclarationDocument({ content }: { content: DeclarationView["content"] }) {
  const { t, i18n } = useTranslation("declarations");
  const lang = i18n.language;
  const day = (iso: string) => formatDate(localDay(iso), lang);
  return (
    <Stack gap="md">
      <Stack component="dl" gap="xs" m={0}>
        <Row label={t("content.trajectory")}>{content.trajectory.title}</Row>
        <Row label={t("content.regime")}>{content.trajectory.regime}</Row>
        <Row label={t("content.period")}>
          {t("content.periodValue", { start: day(content.trajectory.startsOn), end: day(content.trajectory.endsOn) })}
        </Row>
        {content.trajectory.reregistrationDate && (
          <Row label={t("content.reregistration")}>{day(content.trajectory.reregistrationDate)}</Row>
        )}
      </Stack>
      <Part title={t("content.statement")}>
        <Text fw={500}>{content.statement}</Text>
      </Part>
      {content.parties && (
        <Part title={t("content.parties")}>
          <Stack component="dl" gap="xs" m={0}>
            {content.parties.map((p) => (
              <Row key={`${p.role}-${p.name}`} label={p.roleLabel}>
                {p.name}
              </Row>
            ))}
          </Stack>
        </Part>
      )}
      {content.guideEligibility && (
        <Part title={t("content.eligibility")}>
          <Stack component="dl" gap="xs" m={0}>
            <Row label={t("content.verdict")}>{content.guideEligibility.verdictLabel}</Row>
            {content.guideEligibility.rule && <Row label={t("content.rule")}>{content.guideEligibility.rule}</Row>}
            {content.guideEligibility.reasons.length > 0 && (
              <Row label={t("content.reasons")}>{content.guideEligibility.reasons.join("\n")}</Row>
            )}
            <Row label={t("content.motivation")}>
              {content.guideEligibility.motivationSha256
                ? t("content.motivationYes", { sha: content.guideEligibility.motivationSha256 })
                : t("content.motivationNo")}
            </Row>
          </Stack>
        </Part>
      )}
      {content.plan && (
        <Part title={t("content.plan")}>
          <Stack component="dl" gap="xs" m={0}>
            {content.plan.fields.map((f) => (
              <Row key={f.key} label={f.label}>
                {f.value || t("content.none")}
              </Row>
            ))}
            <Row label={t("content.evaluationMoments")}>
              {content.plan.evaluationMoments.length
                ? content.plan.evaluationMoments.map((m) => `${day(m.date)}: ${m.label}`).join("\n")
                : t("content.none")}
            </Row>
          </Stack>
          {content.plan.intensity && (
            <>
              <Text size="sm" c="dimmed">
                {t("content.intensity")}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                {content.plan.intensity.phases
                  .map((p) =>
                    t("content.phase", {
                      times: p.times,
                      every: p.everyWeeks,
                      type: content.plan?.intensity?.meetingType,
                    }),
                  )
                  .join("\n")}
              </Text>
            </>
          )}
        </Part>
      )}
      {(content.meetings || content.hours) && (
        <Part title={t("content.course")}>
          <Stack component="dl" gap="xs" m={0}>
            {content.meetings && <Row label={t("content.meetings")}>{String(content.meetings.held)}</Row>}
            {content.hours && (
              <Row label={t("content.faceToFace")}>
                {t("content.minutes", {
                  hours: Math.floor(content.hours.faceToFaceMinutes / 60),
                  minutes: content.hours.faceToFaceMinutes % 60,
                })}
              </Row>
            )}
          </Stack>
        </Part>
      )}
      {content.deviation && (
        <Part title={t("content.deviation")}>
          <Text style={{ whiteSpace: "pre-line" }}>{content.deviation.text ?? t("content.noDeviation")}</Text>
        </Part>
      )}
      <Part title={t("content.signers")}>
        <List size="sm">
          {content.signers.map((s) => (
            <List.Item key={s.key}>{s.label}</List.Item>
          ))}
        </List>
      </Part>
    </Stack>
  );
}

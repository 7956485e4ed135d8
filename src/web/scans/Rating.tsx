import { Group, Paper, Radio, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ScanFramework } from "../../domain/competences/scan-api";
import { local } from "./model";

type Competence = ScanFramework["competences"][number];
type Behaviour = Competence["skills"][number]["behaviours"][number];

/** The id of a behaviour's radio group, so a message can point at it. */
export const behaviourFieldId = (key: string) => `rating-${key}`;

/**
 * One behaviour rated on the framework's scale: a radio group with each level's name (and its
 * description for screen readers and on hover). `dontKnow` adds "I don't know" (friends may
 * leave a behaviour open); "" is no answer.
 */
export function BehaviourRating({
  behaviour,
  scale,
  value,
  onChange,
  error,
  disabled,
  dontKnow,
}: {
  behaviour: Behaviour;
  scale: ScanFramework["scale"];
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  disabled?: boolean;
  dontKnow?: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Radio.Group
      id={behaviourFieldId(behaviour.key)}
      label={local(behaviour.text, lang)}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Group gap="xs" mt={6} wrap="wrap">
        {scale.map((level) => (
          <Radio
            key={level.value}
            value={String(level.value)}
            label={`${level.value} · ${local(level.name, lang)}`}
            title={local(level.description, lang) || undefined}
            disabled={disabled}
          />
        ))}
        {dontKnow && <Radio value="" label={dontKnow} disabled={disabled} />}
      </Group>
    </Radio.Group>
  );
}

/** One competence as a section: its skills' behaviours, each a radio group; `extra` below (an example field). */
export function CompetenceSection({
  competence,
  index,
  total,
  scale,
  ratingOf,
  onChange,
  errorOf,
  disabled,
  dontKnow,
  extra,
}: {
  competence: Competence;
  index: number;
  total: number;
  scale: ScanFramework["scale"];
  ratingOf: (key: string) => string;
  onChange: (key: string, value: string) => void;
  errorOf?: (key: string) => ReactNode;
  disabled?: boolean;
  dontKnow?: string;
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation("scans");
  const headingId = `competence-${competence.key}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Text size="sm" c="dimmed">
        {t("scan.competence", { index: index + 1, total })}
      </Text>
      <Title order={2} size="h3" id={headingId}>
        {local(competence.name, i18n.language)}
      </Title>
      {competence.description && <Text mb="sm">{local(competence.description, i18n.language)}</Text>}
      <Stack gap="lg" mt="sm">
        {competence.skills.map((skill) => (
          <Stack key={skill.key} gap="sm">
            <Title order={3} size="h5">
              {local(skill.name, i18n.language)}
            </Title>
            {skill.behaviours.map((behaviour) => (
              <BehaviourRating
                key={behaviour.key}
                behaviour={behaviour}
                scale={scale}
                value={ratingOf(behaviour.key)}
                onChange={(value) => onChange(behaviour.key, value)}
                error={errorOf?.(behaviour.key)}
                disabled={disabled}
                dontKnow={dontKnow}
              />
            ))}
          </Stack>
        ))}
        {extra}
      </Stack>
    </Paper>
  );
}

/** The scale with each level's name and description, once above the form. */
export function ScaleLegend({ scale }: { scale: ScanFramework["scale"] }) {
  const { t, i18n } = useTranslation("scans");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scale-legend">
      <Title order={2} size="h4" id="scale-legend" mb="xs">
        {t("scan.scale")}
      </Title>
      <Stack gap={4} component="dl" m={0}>
        {scale.map((level) => (
          <div key={level.value}>
            <Text component="dt" fw={600} size="sm">
              {level.value} · {local(level.name, i18n.language)}
            </Text>
            {level.description && (
              <Text component="dd" size="sm" ml="md">
                {local(level.description, i18n.language)}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** Every behaviour key of the framework, in its order. */
export const behaviourKeysOf = (framework: ScanFramework) =>
  framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => b.key)));

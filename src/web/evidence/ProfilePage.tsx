import { Alert, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { RequirementProfile } from "../../domain/evidence/profile";
import { MEETING_MODES, type MeetingMode } from "../../domain/trajectories/model";
import { useRegimeText } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { DocumentEditPage, type DocumentKind } from "../shell/DocumentEditPage";
import { NameAndDescription } from "../shell/NameAndDescription";
import { evidenceKeys, type ProfileView, useProfile } from "./model";
import "./texts";

interface ProfileFormValues extends Record<string, unknown> {
  document: RequirementProfile;
}
type Form = UseFormReturnType<ProfileFormValues>;

/** The fields this page draws; a message anywhere else is listed at the bottom. */
const PLACED = [
  /^document\.(name|description)\.(nl|en)$/,
  /^document\.periodYears$/,
  /^document\.requirements\.\d+\.(label\.(nl|en)|minimum|countedModes)$/,
  /^document\.supervisieConversion\.\d+\.hoursPerFortyPoints$/,
];

/** Requirements counted from the sessions of trajectories, where how a session took place can matter. */
const MEETING_CATEGORIES: readonly string[] = ["werkbegeleiding", "supervisie"];

/** The form edits a copy of the document, so the record in the query cache stays as the server sent it. */
const toForm = (view: ProfileView): ProfileFormValues => ({ document: structuredClone(view.document) });

/** An organisation's copy of a requirement profile: names, period, minimums and the supervisie conversion. */
export default function ProfilePage() {
  return <DocumentEditPage kind={PROFILE} />;
}

const PROFILE: DocumentKind<ProfileView, ProfileFormValues> = {
  namespace: "evidence",
  texts: {
    back: "profile.back",
    notFound: "profile.notFound",
    save: "profile.save",
    saved: "profile.saved",
    otherErrors: "profile.otherErrors",
  },
  backTo: "/eisenprofielen",
  param: "profileId",
  useView: useProfile,
  toForm,
  path: (view) => `/requirement-profiles/${view.id}`,
  body: (values, version) => ({ version, document: values.document }),
  afterSave: async (queryClient, saved) => {
    queryClient.setQueryData(evidenceKeys.profile(saved.id ?? ""), saved);
    await queryClient.invalidateQueries({ queryKey: evidenceKeys.profiles, exact: true });
    await queryClient.invalidateQueries({ queryKey: ["evidence"] });
  },
  placed: PLACED,
  Intro: ProfileIntro,
  Sections: ProfileSections,
};

function ProfileIntro() {
  const { t } = useTranslation("evidence");
  return (
    <Alert color="blue" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
      {t("profile.keeps")}
    </Alert>
  );
}

function ProfileSections({ form }: { form: Form }) {
  const { t } = useTranslation("evidence");
  const document = form.values.document;
  return (
    <>
      <Section id="profile-general" title={t("profile.general")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NameAndDescription
            form={form}
            labels={{
              nameNl: t("profile.nameNl"),
              nameEn: t("profile.nameEn"),
              descriptionNl: t("profile.descriptionNl"),
              descriptionEn: t("profile.descriptionEn"),
            }}
          />
          <NumberInput
            label={t("profile.periodYears")}
            required
            min={1}
            max={10}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("document.periodYears")}
          />
        </SimpleGrid>
      </Section>

      <Section id="profile-requirements" title={t("profile.requirements")}>
        <Stack gap="sm">
          {document.requirements.map((requirement, index) => (
            <RequirementFields key={requirement.key} form={form} index={index} />
          ))}
        </Stack>
      </Section>

      <Section id="profile-conversion" title={t("profile.conversion")}>
        <Text size="sm" mb="sm">
          {t("profile.conversionIntro")}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {document.supervisieConversion.map((row, index) => (
            <NumberInput
              key={row.groupSize}
              label={t("profile.groupSize", { count: row.groupSize })}
              required
              min={1}
              max={200}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(`document.supervisieConversion.${index}.hoursPerFortyPoints`)}
            />
          ))}
        </SimpleGrid>
      </Section>
    </>
  );
}

function RequirementFields({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation("evidence");
  const { t: tc } = useTranslation();
  const { text } = useRegimeText();
  const requirement = form.values.document.requirements[index];
  if (!requirement) return null;
  const path = `document.requirements.${index}`;
  const unit =
    requirement.unit === "hours"
      ? t("profile.unitHours")
      : requirement.unit === "points"
        ? t("profile.unitPoints")
        : t("profile.unitPresent");
  return (
    <Fieldset legend={`${text(requirement.label)} · ${t(`profile.category.${requirement.category}`)}`}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t("profile.labelNl")} required maxLength={500} {...form.getInputProps(`${path}.label.nl`)} />
        <TextInput label={t("profile.labelEn")} required maxLength={500} {...form.getInputProps(`${path}.label.en`)} />
        {requirement.unit === "present" ? (
          <Text size="sm" c="dimmed" pt="lg">
            {unit}
          </Text>
        ) : (
          <NumberInput
            label={`${t("profile.minimum")} (${unit})`}
            required
            min={0}
            max={100000}
            allowDecimal={false}
            {...form.getInputProps(`${path}.minimum`)}
          />
        )}
      </SimpleGrid>
      {MEETING_CATEGORIES.includes(requirement.category) && (
        <Checkbox.Group
          mt="sm"
          label={t("profile.countedModes")}
          description={t("profile.countedModesHint")}
          value={requirement.countedModes ?? []}
          onChange={(modes) =>
            form.setFieldValue(`${path}.countedModes`, modes.length ? (modes as MeetingMode[]) : null)
          }
          error={form.errors[`${path}.countedModes`] as string | undefined}
        >
          <Group gap="md" mt={4}>
            {MEETING_MODES.map((mode) => (
              <Checkbox key={mode} value={mode} label={tc(`meetingModes.${mode}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
    </Fieldset>
  );
}

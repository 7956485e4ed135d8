import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { REGISTERS } from "../../domain/people/schemas";
import { builtinRegime } from "../../domain/regimes/builtin";
import type { Regime } from "../../domain/regimes/schema";
import { useIssueText } from "../forms";
import { useRegimeText } from "../i18n/regime-text";
import { Section } from "../meetings/Section";
import { DocumentEditPage, type DocumentKind } from "../shell/DocumentEditPage";
import { NameAndDescription } from "../shell/NameAndDescription";
import { GroupMessage, NewEntry } from "../shell/NewEntry";
import {
  type RegimeFormValues,
  type RegimeView,
  regimeBody,
  regimeKeys,
  regimeMessageKey,
  regimeResolver,
  standardItemKeys,
  useRegime,
} from "./model";
import "./texts";

type Form = UseFormReturnType<RegimeFormValues>;

/** The fields this page draws; a message at any other part of the document is listed at the bottom. */
const PLACED = [
  /^document\.(name|description)\.(nl|en)$/,
  /^document\.goals(\.max)?$/,
  /^document\.meetingTypes(\.\d+(\.(min|max|defaultMinutes))?)?$/,
  /^document\.observationForms(\.\d+(\.items(\.\d+(\.label\.(nl|en))?)?)?)?$/,
  /^document\.consents(\.\d+(\.label\.(nl|en))?)?$/,
  /^document\.admin\.(sees|does)$/,
  /^document\.guideRule(\.(minAcademicYears|dreyfusLevels|notWerkbegeleider|registrations(\.\d+(\.(register|type))?)?))?$/,
];

/** The form edits a copy of the document, so the record in the query cache stays as the server sent it. */
const toForm = (view: RegimeView): RegimeFormValues => ({ document: structuredClone(view.document) });

/** An organisation's copy of a regime: its numbers, observation items and consents, saved as one document. */
export default function RegimePage() {
  return <DocumentEditPage kind={REGIME} />;
}

const REGIME: DocumentKind<RegimeView, RegimeFormValues> = {
  namespace: "regimes",
  texts: {
    back: "edit.back",
    notFound: "edit.notFound",
    save: "edit.save",
    saved: "edit.saved",
    otherErrors: "edit.otherErrors",
  },
  backTo: "/regelingen",
  param: "regimeId",
  useView: useRegime,
  toForm,
  path: (view) => `/regimes/${view.id}`,
  body: (values, version) => regimeBody({ version: version ?? 0 }, values),
  afterSave: async (queryClient, saved) => {
    queryClient.setQueryData(regimeKeys.regime(saved.id ?? ""), saved);
    await queryClient.invalidateQueries({ queryKey: regimeKeys.list, exact: true });
  },
  useValidate: () => {
    const { t } = useTranslation("regimes");
    const issueText = useIssueText();
    return regimeResolver((issue, at) => {
      const key = regimeMessageKey(issue);
      return key ? t(key) : issueText(issue, at);
    });
  },
  placed: PLACED,
  Intro: RegimeIntro,
  Sections: RegimeSections,
};

function RegimeIntro({ view }: { view: RegimeView }) {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const base = view.basedOn ? builtinRegime(view.basedOn) : undefined;
  return (
    <Alert color="blue" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
      {t("edit.keeps")}
      {base && ` ${t("edit.basedOn", { name: text(base.name) })}`}
    </Alert>
  );
}

function RegimeSections({ form, view }: { form: Form; view: RegimeView }) {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const standard = standardItemKeys(view);
  const document = form.values.document;
  return (
    <>
      <Section id="regime-general" title={t("edit.general")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NameAndDescription
            form={form}
            labels={{
              nameNl: t("edit.nameNl"),
              nameEn: t("edit.nameEn"),
              descriptionNl: t("edit.descriptionNl"),
              descriptionEn: t("edit.descriptionEn"),
            }}
          />
        </SimpleGrid>
      </Section>

      <Section id="regime-goals" title={t("edit.goals")}>
        <NumberInput
          label={t("edit.goalMax")}
          description={t("edit.noMaximum")}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          maw={320}
          {...nullableNumber(form, "document.goals.max")}
        />
        <GroupMessage form={form} path="document.goals" />
      </Section>

      <Section id="regime-meetings" title={t("edit.meetingTypes")}>
        <Text size="sm" mb="sm">
          {t("edit.meetingTypesIntro")}
        </Text>
        <Stack gap="sm">
          {document.meetingTypes.map((type, index) => {
            const path = `document.meetingTypes.${index}`;
            return (
              <Fieldset key={type.key} legend={text(type.label)}>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  <NumberInput
                    label={t("edit.min")}
                    required
                    min={0}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps(`${path}.min`)}
                  />
                  <NumberInput
                    label={t("edit.max")}
                    description={t("edit.noMaximum")}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    {...nullableNumber(form, `${path}.max`)}
                  />
                  <NumberInput
                    label={t("edit.defaultMinutes")}
                    required
                    min={5}
                    max={1440}
                    allowDecimal={false}
                    allowNegative={false}
                    {...form.getInputProps(`${path}.defaultMinutes`)}
                  />
                </SimpleGrid>
                <GroupMessage form={form} path={path} />
              </Fieldset>
            );
          })}
          <GroupMessage form={form} path="document.meetingTypes" />
        </Stack>
      </Section>

      <Section id="regime-observation" title={t("edit.observationForms")}>
        <Text size="sm" mb="sm">
          {t("edit.observationIntro")}
        </Text>
        {document.observationForms.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("edit.noForms")}
          </Text>
        ) : (
          <Stack gap="lg">
            {document.observationForms.map((observationForm, formIndex) => (
              <ObservationFormItems key={observationForm.key} form={form} formIndex={formIndex} standard={standard} />
            ))}
          </Stack>
        )}
        <GroupMessage form={form} path="document.observationForms" />
      </Section>

      <Section id="regime-consents" title={t("edit.consents")}>
        <Consents form={form} />
      </Section>

      {document.guideRule && (
        <Section id="regime-guide-rule" title={t("edit.guideRule")}>
          <GuideRuleFields form={form} />
        </Section>
      )}

      <Section id="regime-admin" title={t("edit.admin")}>
        <AdminRights form={form} saved={view.document.admin} />
      </Section>
    </>
  );
}

/**
 * What the organisation admin sees and does in this regime's trajectories. A copy can give the
 * admin less than the regime it is based on, never more (the server refuses it), so only what
 * the saved document gives is offered.
 */
function AdminRights({ form, saved }: { form: Form; saved: Regime["admin"] }) {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const document = form.values.document;
  const steps = document.transitions.filter((step) => step.by.includes("admin"));
  return (
    <Stack gap="sm">
      <Text size="sm">{t("edit.adminIntro")}</Text>
      {saved.sees.length === 0 ? (
        <Text size="sm">{t("edit.adminSeesNothing")}</Text>
      ) : (
        <Checkbox.Group label={t("edit.adminSees")} {...form.getInputProps("document.admin.sees")}>
          <Stack gap={6} mt="xs">
            {saved.sees.map((part) => (
              <Checkbox key={part} value={part} label={t(`edit.parts.${part}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {saved.does.length === 0 ? (
        <Text size="sm">{t("edit.adminDoesNothing")}</Text>
      ) : (
        <Checkbox.Group label={t("edit.adminDoes")} {...form.getInputProps("document.admin.does")}>
          <Stack gap={6} mt="xs">
            {saved.does.map((action) => (
              <Checkbox key={action} value={action} label={t(`edit.actions.${action}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Text size="sm">
        {steps.length
          ? t("edit.adminSteps", { steps: steps.map((step) => text(step.label)).join(", ") })
          : t("edit.adminNoSteps")}
      </Text>
    </Stack>
  );
}

/**
 * The guide rule's data: the registrations that qualify, and for experienced professionals the
 * years and Dreyfus levels; for supervisie whether the werkbegeleider may also supervise.
 */
function GuideRuleFields({ form }: { form: Form }) {
  const { t } = useTranslation("regimes");
  const rule = form.values.document.guideRule;
  if (!rule) return null;
  const path = "document.guideRule";
  if (rule.kind === "independentSupervisor")
    return (
      <Stack gap="sm">
        <Text size="sm">{t("edit.guideRuleIndependent")}</Text>
        <Checkbox
          label={t("edit.notWerkbegeleider")}
          {...form.getInputProps(`${path}.notWerkbegeleider`, { type: "checkbox" })}
        />
        <GroupMessage form={form} path={path} />
      </Stack>
    );
  const registrations = rule.registrations;
  return (
    <Stack gap="sm">
      <Text size="sm">{t("edit.guideRuleRegistered")}</Text>
      <Fieldset legend={t("edit.registrations")}>
        <Stack gap="sm">
          {registrations.map((registration, index) => {
            const number = index + 1;
            const row = `${path}.registrations.${index}`;
            const registers: string[] = [...REGISTERS];
            if (registration.register && !registers.includes(registration.register))
              registers.unshift(registration.register);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no key of their own
              <Group key={index} align="flex-end" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t("edit.register", { number })}
                  required
                  w={150}
                  data={registers}
                  {...form.getInputProps(`${row}.register`)}
                />
                <TextInput
                  label={t("edit.registrationType", { number })}
                  required
                  maxLength={200}
                  style={{ flex: 1, minWidth: 200 }}
                  {...form.getInputProps(`${row}.type`)}
                />
                <Button
                  variant="default"
                  size="compact-sm"
                  mb={6}
                  disabled={registrations.length <= 1}
                  onClick={() => form.removeListItem(`${path}.registrations`, index)}
                  aria-label={t("edit.removeRegistration", { number })}
                >
                  {t("edit.remove")}
                </Button>
              </Group>
            );
          })}
          {registrations.length <= 1 && (
            <Text size="xs" c="dimmed">
              {t("edit.atLeastOne")}
            </Text>
          )}
          <GroupMessage form={form} path={`${path}.registrations`} />
          <Group>
            <Button
              variant="light"
              size="xs"
              disabled={registrations.length >= 50}
              onClick={() => form.insertListItem(`${path}.registrations`, { register: REGISTERS[0], type: "" })}
            >
              {t("edit.addRegistration")}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      {rule.kind === "registeredOnly" ? (
        <Text size="sm">{t("edit.guideRuleOnly")}</Text>
      ) : (
        <>
          <Text size="sm">{t("edit.guideRuleExperienced")}</Text>
          <NumberInput
            label={t("edit.minAcademicYears")}
            required
            min={0}
            max={50}
            allowDecimal={false}
            allowNegative={false}
            maw={320}
            {...form.getInputProps(`${path}.minAcademicYears`)}
          />
          <Checkbox.Group
            label={t("edit.dreyfusLevels")}
            required
            value={rule.dreyfusLevels.map(String)}
            onChange={(levels) =>
              form.setFieldValue(
                `${path}.dreyfusLevels`,
                levels.map(Number).sort((a, b) => a - b),
              )
            }
            error={form.errors[`${path}.dreyfusLevels`]}
          >
            <Group gap="md" mt={6}>
              {[1, 2, 3, 4, 5].map((level) => (
                <Checkbox key={level} value={String(level)} label={t("edit.dreyfusLevel", { level })} />
              ))}
            </Group>
          </Checkbox.Group>
        </>
      )}
      <GroupMessage form={form} path={path} />
    </Stack>
  );
}

/** A number field whose empty value means "none": the form holds null, the field shows nothing. */
function nullableNumber(form: Form, path: string) {
  const props = form.getInputProps(path);
  return { ...props, value: props.value ?? "" };
}

/** A message about a whole list or group (a duplicate, a maximum below the minimum). */
function ObservationFormItems({ form, formIndex, standard }: { form: Form; formIndex: number; standard: Set<string> }) {
  const { t } = useTranslation("regimes");
  const { text } = useRegimeText();
  const observationForm = form.values.document.observationForms[formIndex];
  if (!observationForm) return null;
  const itemsPath = `document.observationForms.${formIndex}.items`;
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        {text(observationForm.name)}{" "}
        <Text span size="sm" c="dimmed" fw={400}>
          ({t("edit.scale", { min: observationForm.scale.min, max: observationForm.scale.max })})
        </Text>
      </Title>
      {observationForm.items.map((item, index) => {
        const number = index + 1;
        const path = `${itemsPath}.${index}`;
        if (standard.has(`${observationForm.key}.${item.key}`))
          return (
            <Paper withBorder p="sm" key={item.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {number}. {text(item.label)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("edit.standardItem")}
                </Text>
              </Group>
              <GroupMessage form={form} path={path} />
            </Paper>
          );
        return (
          <Paper withBorder p="sm" key={item.key}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("edit.itemNl", { number })}
                required
                maxLength={500}
                {...form.getInputProps(`${path}.label.nl`)}
              />
              <TextInput
                label={t("edit.itemEn", { number })}
                required
                maxLength={500}
                {...form.getInputProps(`${path}.label.en`)}
              />
            </SimpleGrid>
            <GroupMessage form={form} path={path} />
            <Group mt="xs">
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => form.removeListItem(itemsPath, index)}
                aria-label={t("edit.removeItem", { name: text(item.label) || number })}
              >
                {t("edit.remove")}
              </Button>
            </Group>
          </Paper>
        );
      })}
      <GroupMessage form={form} path={itemsPath} />
      <GroupMessage form={form} path={`document.observationForms.${formIndex}`} />
      <NewEntry
        legend={t("edit.addItem")}
        nlLabel={t("edit.newItemNl")}
        enLabel={t("edit.newItemEn")}
        taken={observationForm.items.map((i) => i.key)}
        onAdd={(item) => form.insertListItem(itemsPath, item)}
      />
    </Stack>
  );
}

function Consents({ form }: { form: Form }) {
  const { t } = useTranslation("regimes");
  const consents = form.values.document.consents;
  return (
    <Stack gap="sm">
      <Text size="sm">{t("edit.consentsIntro")}</Text>
      {consents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("edit.noConsents")}
        </Text>
      )}
      {consents.map((consent, index) => {
        const number = index + 1;
        const path = `document.consents.${index}`;
        return (
          <Paper withBorder p="sm" key={consent.key}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea
                label={t("edit.consentNl", { number })}
                required
                autosize
                minRows={1}
                maxLength={500}
                {...form.getInputProps(`${path}.label.nl`)}
              />
              <Textarea
                label={t("edit.consentEn", { number })}
                required
                autosize
                minRows={1}
                maxLength={500}
                {...form.getInputProps(`${path}.label.en`)}
              />
            </SimpleGrid>
            <GroupMessage form={form} path={path} />
            <Group mt="xs">
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => form.removeListItem("document.consents", index)}
                aria-label={t("edit.removeConsent", { number })}
              >
                {t("edit.remove")}
              </Button>
            </Group>
          </Paper>
        );
      })}
      <GroupMessage form={form} path="document.consents" />
      <NewEntry
        legend={t("edit.addConsent")}
        nlLabel={t("edit.newConsentNl")}
        enLabel={t("edit.newConsentEn")}
        taken={consents.map((c) => c.key)}
        onAdd={(consent) => form.insertListItem("document.consents", consent)}
      />
    </Stack>
  );
}

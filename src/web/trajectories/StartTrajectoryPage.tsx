import {
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { FIRST_DATE, FIRST_YEAR, isDateInRange, LAST_DATE, LAST_YEAR } from "../../domain/dates";
import type { ParticipantRole } from "../../domain/regimes/schema";
import { hasRole } from "../../domain/roles";
import { api } from "../api";
import { useApiSubmit } from "../forms";
import { useRegimeText } from "../i18n/regime-text";
import { useSession } from "../session";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import { BackLink, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { GuideEligibilityAlert } from "./components/GuideEligibilityAlert";
import { todayIso } from "./date-input";
import { trajectoryPath } from "./format";
import { type TrajectoryDetail, useCandidates, useGuideEligibility, useRegimes, useStoreDetail } from "./model";
import "./texts";

interface StartValues extends Record<string, unknown> {
  regimeKey: string;
  title: string;
  traineeId: string;
  guideIds: string[];
  commissionerId: string;
  schoolContactId: string;
  startsOn: string;
  endsOn: string;
}

/** Starting a trajectory: a regime, the people taking part and the agreed period. */
export default function StartTrajectoryPage() {
  const { t } = useTranslation("trajectories");
  const { t: tc } = useTranslation();
  const { text } = useRegimeText();
  const navigate = useNavigate();
  const store = useStoreDetail();
  const session = useSession().data;
  const me = session?.user?.name ?? "";
  const iAmClient = hasRole({ roles: session?.organisation?.roles ?? [] }, "client");
  const regimes = useRegimes();
  const candidates = useCandidates();

  // The same rule as the API's dates (src/domain/dates.ts), said at the field before sending.
  const outOfRange = t("validation.dateOutOfRange", { first: FIRST_YEAR, last: LAST_YEAR });
  const form = useForm<StartValues>({
    initialValues: {
      regimeKey: "",
      title: "",
      traineeId: "",
      guideIds: [],
      commissionerId: "",
      schoolContactId: "",
      startsOn: todayIso(),
      endsOn: "",
    },
    validate: {
      regimeKey: (v) => (v ? null : t("validation.required")),
      title: (v) => (v.trim() ? null : t("validation.required")),
      traineeId: (v) => (v ? null : t("validation.required")),
      guideIds: (v) => (v.length ? null : t("validation.guideRequired")),
      startsOn: (v) => (v ? (isDateInRange(v) ? null : outOfRange) : t("validation.required")),
      endsOn: (v, values) =>
        !v
          ? t("validation.required")
          : !isDateInRange(v)
            ? outOfRange
            : v < values.startsOn
              ? t("validation.endBeforeStart")
              : null,
    },
  });
  const { run, formError } = useApiSubmit(form);

  const items = regimes.data?.items ?? [];
  const regime = items.find((r) => r.key === form.values.regimeKey)?.document;
  const part = (role: ParticipantRole) => regime?.participants.find((p) => p.role === role);
  const commissionerPart = part("commissioner");
  const schoolPart = part("school");
  const guideMax = part("guide")?.max ?? 10;

  // As soon as the regimes are known, the first one is chosen; as an opdrachtgever, so am I.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the lists arrive
  useEffect(() => {
    if (!form.values.regimeKey && items[0]) form.setFieldValue("regimeKey", items[0].key);
  }, [items.length]);
  const commissioners = candidates.data?.commissioners ?? [];
  const mine = commissioners.filter((c) => c.id === candidates.data?.me);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the candidates arrive
  useEffect(() => {
    if (iAmClient && mine.length === 1 && mine[0] && !form.values.commissionerId)
      form.setFieldValue("commissionerId", mine[0].id);
  }, [candidates.data]);

  // With a guide rule, the chosen guides are judged as soon as trainee, guide and start date are known.
  const { traineeId, guideIds, commissionerId, startsOn } = form.values;
  const askEligibility =
    regime?.guideRule && traineeId && guideIds.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(startsOn)
      ? { regimeKey: regime.key, traineeId, guideIds, commissionerId, startsOn }
      : null;
  const eligibility = useGuideEligibility(askEligibility);
  const judged = askEligibility ? (eligibility.data?.items ?? []) : [];
  const refused = judged.find((item) => item.judgement.verdict === "notEligible");
  const refusal = refused
    ? t("eligibility.refused", {
        name: refused.name,
        reasons: refused.judgement.reasons.map((r) => text(r)).join(" "),
      })
    : null;
  const guideRole = text(part("guide")?.label, t("start.guides"));
  const guideInput = useRef<HTMLInputElement>(null);

  const submit = form.onSubmit((values) => {
    // Not eligible: the server would refuse too. The reasons already stand at the guide field,
    // and follow the choices live (no stale message once another regime or guide is chosen).
    if (refusal) {
      guideInput.current?.focus();
      return;
    }
    return run(async () => {
      const detail = await api<TrajectoryDetail>("/trajectories", {
        body: {
          regimeKey: values.regimeKey,
          title: values.title,
          traineeId: values.traineeId,
          guideIds: values.guideIds,
          commissionerId: values.commissionerId || null,
          schoolContactId: (schoolPart && values.schoolContactId) || null,
          startsOn: values.startsOn,
          endsOn: values.endsOn,
        },
      });
      await store(detail);
      notifySuccess(t("start.started", { title: detail.title }));
      navigate(trajectoryPath(detail.id));
    });
  });

  const back = <BackLink to="/trajecten">{t("detail.back")}</BackLink>;

  if (regimes.isPending || candidates.isPending)
    return (
      <Stack>
        {back}
        <PageTitle>{t("start.title")}</PageTitle>
        <Loading />
      </Stack>
    );

  const loadError = regimes.error ?? candidates.error;
  const noCommissioner = iAmClient
    ? t("start.commissionerMe", { name: me })
    : commissionerPart && commissionerPart.min === 0
      ? t("start.commissionerNone")
      : t("start.choose");

  return (
    <Stack>
      {back}
      <PageTitle>{t("start.title")}</PageTitle>
      <FormError message={loadError ? loadError.message : null} />
      <Card withBorder component="section" aria-label={t("start.title")}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t("start.intro")}
            </Text>
            <FormError message={formError} />
            <NativeSelect
              label={t("start.regime")}
              withAsterisk
              {...form.getInputProps("regimeKey")}
              data={items.map((r) => ({ value: r.key, label: text(r.document.name) }))}
              description={regime ? text(regime.description) : undefined}
            />
            <TextInput
              label={t("start.titleField")}
              description={t("start.titleHint")}
              withAsterisk
              maxLength={200}
              {...form.getInputProps("title")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={text(part("trainee")?.label, t("start.trainee"))}
                placeholder={t("start.choose")}
                withAsterisk
                searchable
                nothingFoundMessage={t("start.nobody")}
                data={(candidates.data?.trainees ?? []).map((c) => ({ value: c.id, label: c.name }))}
                {...form.getInputProps("traineeId")}
                onChange={(value) => form.setFieldValue("traineeId", value ?? "")}
              />
              <MultiSelect
                label={text(part("guide")?.label, t("start.guides"))}
                description={guideMax > 1 ? t("start.guidesHint", { max: guideMax }) : undefined}
                withAsterisk
                searchable
                maxValues={guideMax}
                nothingFoundMessage={t("start.nobody")}
                data={(candidates.data?.guides ?? []).map((c) => ({ value: c.id, label: c.name }))}
                {...form.getInputProps("guideIds")}
                error={form.errors.guideIds ?? refusal ?? undefined}
                ref={guideInput}
              />
            </SimpleGrid>
            {askEligibility && (
              <Stack gap="xs" component="section" aria-live="polite" aria-label={t("eligibility.section")}>
                {eligibility.isPending ? (
                  <Text size="sm">{t("eligibility.checking")}</Text>
                ) : eligibility.isError ? (
                  <Text size="sm">{t("eligibility.failed")}</Text>
                ) : (
                  judged.map((item) => (
                    <GuideEligibilityAlert
                      key={item.guideId}
                      judgement={item.judgement}
                      role={guideRole}
                      name={item.name}
                    />
                  ))
                )}
              </Stack>
            )}
            {commissionerPart && (
              <NativeSelect
                label={text(commissionerPart.label, t("start.commissioner"))}
                withAsterisk={commissionerPart.min > 0 && !iAmClient}
                {...form.getInputProps("commissionerId")}
                data={[
                  // Empty means "myself" for an opdrachtgever; once found in the list, that entry says it.
                  ...(iAmClient && mine.length === 1 ? [] : [{ value: "", label: noCommissioner }]),
                  ...commissioners
                    .filter((c) => !(iAmClient && mine.length !== 1 && c.name === me))
                    .map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
            )}
            {schoolPart && (
              <NativeSelect
                label={text(schoolPart.label, t("start.school"))}
                withAsterisk={schoolPart.min > 0}
                {...form.getInputProps("schoolContactId")}
                data={[
                  { value: "", label: t("start.schoolNone") },
                  ...(candidates.data?.schoolContacts ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                type="date"
                label={t("start.startsOn")}
                withAsterisk
                min={FIRST_DATE}
                max={LAST_DATE}
                {...form.getInputProps("startsOn")}
              />
              <TextInput
                type="date"
                label={t("start.endsOn")}
                withAsterisk
                min={form.values.startsOn || FIRST_DATE}
                max={LAST_DATE}
                {...form.getInputProps("endsOn")}
              />
            </SimpleGrid>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to="/trajecten">
                {tc("actions.cancel")}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t("start.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

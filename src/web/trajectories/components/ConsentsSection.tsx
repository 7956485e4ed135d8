import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useAction } from "../../forms";
import { formatDateTime } from "../../i18n";
import { useRegimeText } from "../../i18n/regime-text";
import { FormError } from "../../shell/FormError";
import { notifySuccess } from "../../shell/notify";
import { type TrajectoryDetail, trajectoryApi, useStoreDetail } from "../model";
import { Tag } from "./Tag";
import "../texts";

/**
 * The trainee's consent to the regime's agreements, item by item. The trainee ticks and
 * consents; everyone else sees who consented to what, and when.
 */
export function ConsentsSection({ detail }: { detail: TrajectoryDetail }) {
  const { t, i18n } = useTranslation("trajectories");
  const lang = i18n.language;
  const { text } = useRegimeText();
  const store = useStoreDetail();
  const [chosen, setChosen] = useState<string[]>([]);
  const trainee = detail.participants.find((p) => p.role === "trainee")?.name ?? t("consents.theTrainee");
  const given = (key: string) => detail.consents[key]?.given === true;
  const open = detail.regime.consents.filter((c) => !given(c.key));

  const consent = useAction(
    async () => {
      const fresh = await api<TrajectoryDetail>(`${trajectoryApi(detail.id)}/consents`, { body: { consents: chosen } });
      await store(fresh);
      setChosen([]);
      notifySuccess(t("consents.saved", { count: chosen.length }));
    },
    { describe: (e) => Object.values(e.fieldErrors)[0] ?? e.problem.title },
  );

  if (detail.abilities.consent) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t("consents.introTrainee")}</Text>
        {open.length === 0 && (
          <Alert color="green" variant="light" role="status">
            {t("consents.allGiven")}
          </Alert>
        )}
        <Checkbox.Group
          value={[...detail.regime.consents.filter((c) => given(c.key)).map((c) => c.key), ...chosen]}
          onChange={(value) => setChosen(value.filter((key) => !given(key)))}
          label={t("consents.agreements")}
        >
          <Stack gap="sm" mt="xs">
            {detail.regime.consents.map((c) => {
              const record = detail.consents[c.key];
              return given(c.key) ? (
                <Checkbox
                  key={c.key}
                  value={c.key}
                  disabled
                  label={text(c.label)}
                  description={t("consents.givenAt", { when: formatDateTime(record?.at, lang) })}
                />
              ) : (
                <Checkbox key={c.key} value={c.key} label={text(c.label)} />
              );
            })}
          </Stack>
        </Checkbox.Group>
        <FormError message={consent.error} />
        {open.length > 0 && (
          <Group gap="sm">
            <Button onClick={() => consent.run()} loading={consent.pending} disabled={chosen.length === 0}>
              {t("consents.submit")}
            </Button>
            <Button variant="subtle" onClick={() => setChosen(open.map((c) => c.key))}>
              {t("consents.selectAll")}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm">
        {t("consents.introOthers", {
          name: trainee,
          given: detail.regime.consents.length - open.length,
          total: detail.regime.consents.length,
        })}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("consents.agreements")}>
        {detail.regime.consents.map((c) => {
          const record = detail.consents[c.key];
          return (
            <Paper component="li" key={c.key} withBorder p="sm" radius="sm">
              <Text size="sm">{text(c.label)}</Text>
              {given(c.key) ? (
                <Text size="sm" fw={500} mt={4}>
                  <span aria-hidden="true">✓ </span>
                  {t("consents.givenBy", { name: trainee, when: formatDateTime(record?.at, lang) })}
                </Text>
              ) : (
                <Group mt={4}>
                  <Tag color="gray">{t("consents.notYet")}</Tag>
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

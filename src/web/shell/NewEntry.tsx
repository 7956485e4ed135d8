import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { keyFrom } from "../regimes/model";

/** A message at a part of a document form that has no field of its own (a list, a group). */
export function GroupMessage<Values>({ form, path }: { form: UseFormReturnType<Values>; path: string }) {
  const message = form.errors[path];
  if (typeof message !== "string") return null;
  return (
    <Text size="sm" c="red.8" mt={4} role="alert">
      {message}
    </Text>
  );
}

/**
 * Two texts, Dutch and English, typed for a new entry of a document (an observation item, a
 * behaviour); both are needed before it is added. Its key comes from the Dutch text.
 */
export function NewEntry({
  legend,
  nlLabel,
  enLabel,
  taken,
  onAdd,
}: {
  legend: string;
  nlLabel: string;
  enLabel: string;
  taken: string[];
  onAdd: (entry: { key: string; label: { nl: string; en: string } }) => void;
}) {
  const { t } = useTranslation();
  const [nl, setNl] = useState("");
  const [en, setEn] = useState("");
  const [missing, setMissing] = useState(false);
  function add() {
    if (!nl.trim() || !en.trim()) {
      setMissing(true);
      return;
    }
    onAdd({ key: keyFrom(nl, taken), label: { nl: nl.trim(), en: en.trim() } });
    setNl("");
    setEn("");
    setMissing(false);
  }
  const error = (value: string) => (missing && !value.trim() ? t("entry.bothLanguages") : undefined);
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={nlLabel}
            value={nl}
            maxLength={500}
            onChange={(e) => setNl(e.currentTarget.value)}
            error={error(nl)}
          />
          <TextInput
            label={enLabel}
            value={en}
            maxLength={500}
            onChange={(e) => setEn(e.currentTarget.value)}
            error={error(en)}
          />
        </SimpleGrid>
        <Group>
          <Button variant="default" onClick={add}>
            {t("actions.add")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { METHOD_KEYS } from "../../domain/intervision/methods";
import { methodName } from "./model";
import "./texts";

export interface GroupFormValues extends Record<string, unknown> {
  name: string;
  description: string;
  rhythmWeeks: number | string;
  meetingMinutes: number | string;
  method: string;
}

export const emptyGroup: GroupFormValues = {
  name: "",
  description: "",
  rhythmWeeks: 6,
  meetingMinutes: 90,
  method: "incident",
};

export const groupBody = (values: GroupFormValues) => ({
  name: values.name,
  description: values.description.trim() ? values.description : null,
  rhythmWeeks: values.rhythmWeeks === "" ? null : Number(values.rhythmWeeks),
  meetingMinutes: values.meetingMinutes === "" ? null : Number(values.meetingMinutes),
  method: values.method,
});

/** The fields of a group: its name, what it is, its rhythm, the length of a meeting and its method. */
export function GroupFields({ form }: { form: UseFormReturnType<GroupFormValues> }) {
  const { t, i18n } = useTranslation("intervision");
  return (
    <Stack gap="sm">
      <TextInput label={t("form.name")} required maxLength={200} {...form.getInputProps("name")} />
      <Textarea
        label={t("form.description")}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps("description")}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <NumberInput
          label={t("form.rhythmWeeks")}
          min={1}
          max={52}
          allowDecimal={false}
          allowNegative={false}
          required
          {...form.getInputProps("rhythmWeeks")}
        />
        <NumberInput
          label={t("form.meetingMinutes")}
          min={15}
          max={600}
          allowDecimal={false}
          allowNegative={false}
          required
          {...form.getInputProps("meetingMinutes")}
        />
        <NativeSelect
          label={t("form.method")}
          required
          data={METHOD_KEYS.map((key) => ({ value: key, label: methodName(key, i18n.language) }))}
          {...form.getInputProps("method")}
        />
      </SimpleGrid>
    </Stack>
  );
}

import { Fieldset, Group, Radio, Stack, Text } from "@mantine/core";
import { useId } from "react";
import type { ScaleOption } from "./scale";

/**
 * One choice (a score on a scale, a status) as radio buttons in a fieldset whose legend names
 * what is chosen. With `noneLabel`, an empty choice comes first, so a score can be taken back.
 * The field's message is read with the group.
 */
export function ChoiceFieldset({
  legend,
  options,
  noneLabel,
  value,
  onChange,
  error,
  layout,
}: {
  legend: string;
  options: ScaleOption[];
  noneLabel?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  layout?: "row" | "column";
}) {
  const name = useId();
  const errorId = `${name}-error`;
  // Scales with words read best as a column; bare numbers fit on a line and wrap on a phone.
  const column = layout ? layout === "column" : options.some((o) => o.label !== o.value);
  const Layout = column ? Stack : Group;
  const choices = noneLabel === undefined ? options : [{ value: "", label: noneLabel }, ...options];
  return (
    <Fieldset
      variant="unstyled"
      legend={legend}
      aria-describedby={error ? errorId : undefined}
      styles={{ legend: { fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", marginBottom: 6 } }}
    >
      <Layout gap="xs">
        {choices.map((choice) => (
          <Radio
            key={choice.value}
            name={name}
            value={choice.value}
            label={choice.label}
            checked={value === choice.value}
            onChange={(event) => event.currentTarget.checked && onChange(choice.value)}
            error={Boolean(error)}
          />
        ))}
      </Layout>
      {error && (
        <Text id={errorId} c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

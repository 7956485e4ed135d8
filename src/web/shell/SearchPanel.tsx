import { Button, Paper, SimpleGrid, TextInput, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The search fields above a list: a heading, the fields side by side (one under the other on a
 * phone), and a button that clears them once any is filled in.
 */
export function SearchPanel({
  id,
  heading,
  resetLabel,
  onReset,
  filled,
  children,
}: {
  id: string;
  heading: string;
  resetLabel: string;
  onReset: () => void;
  filled: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" mb="sm" id={id}>
        {heading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {children}
      </SimpleGrid>
      {filled && (
        <Button variant="subtle" size="compact-sm" mt="sm" onClick={onReset}>
          {resetLabel}
        </Button>
      )}
    </Paper>
  );
}

/** A first and a last day to search between; each keeps the other's bound and shows its own error. */
export function DayRangeFields({
  labels,
  from,
  to,
  onChange,
  errors,
}: {
  labels: { from: string; to: string };
  from: string;
  to: string;
  onChange: (field: "from" | "to", value: string) => void;
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <TextInput
        type="date"
        label={labels.from}
        value={from}
        max={to || undefined}
        onChange={(event) => onChange("from", event.currentTarget.value)}
        error={errors.from}
      />
      <TextInput
        type="date"
        label={labels.to}
        value={to}
        min={from || undefined}
        onChange={(event) => onChange("to", event.currentTarget.value)}
        error={errors.to}
      />
    </>
  );
}

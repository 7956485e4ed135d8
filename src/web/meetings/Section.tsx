import { Card, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A part of a page: a card with its own h3, and named by it for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

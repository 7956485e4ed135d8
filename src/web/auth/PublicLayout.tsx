import { Box, Center, Group, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../shell/LanguageSwitch";

/** The frame of the pages seen before signing in. */
export function PublicLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.1" component="main">
      <Box w="100%" maw={420}>
        <Group justify="flex-end" mb="sm">
          <LanguageSwitch />
        </Group>
        <Paper p="lg" radius="md" shadow="sm" withBorder>
          <Title order={1} size="h2" mb="xs">
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" mb="md">
              {intro}
            </Text>
          )}
          {children}
        </Paper>
      </Box>
    </Center>
  );
}

import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useApiSubmit } from "../forms";
import { useSession } from "../session";
import { Dialog } from "./Dialog";
import { FormError } from "./FormError";
import { notifySuccess } from "./notify";

/** A built-in rulebook or an organisation's own copy of one: a regime, a requirement profile. */
export interface CopyableDocument {
  id: string | null;
  key: string;
  builtIn: boolean;
  name: string;
  description: string;
  /** A line under the description: what it was copied from, its version or period. */
  meta: string;
}

/** The words of one kind of document; `{{name}}` and `{{organisation}}` are filled in. */
export interface CopyableTexts {
  builtIn: string;
  own: string;
  copy: string;
  copyNamed: (name: string) => string;
  edit: string;
  editNamed: (name: string) => string;
  copyTitle: (name: string) => string;
  copyIntro: string;
  copyName: string;
  copySubmit: string;
  copyDefaultName: (name: string, organisation: string) => string;
  copied: string;
}

interface Props {
  items: readonly CopyableDocument[];
  canManage: boolean;
  texts: CopyableTexts;
  /** Where an own copy is edited. */
  editPath: (id: string) => string;
  /** Makes the copy through the API and returns its id. */
  copy: (values: { name: string; basedOn: string }) => Promise<string>;
}

/**
 * Cards for the built-in documents and the organisation's own copies, each copyable by the
 * admin (who names the copy and then adapts it) and, when it is the organisation's, editable.
 */
export function CopyableDocuments({ items, canManage, texts, editPath, copy }: Props) {
  const [copying, setCopying] = useState<CopyableDocument | null>(null);
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {items.map((item) => {
          const headingId = `document-${item.id ?? item.key}`;
          return (
            <Card withBorder component="article" aria-labelledby={headingId} key={item.id ?? item.key}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Title order={3} size="h4" id={headingId}>
                    {item.name}
                  </Title>
                  <Badge variant={item.builtIn ? "light" : "outline"} style={{ flexShrink: 0 }}>
                    {item.builtIn ? texts.builtIn : texts.own}
                  </Badge>
                </Group>
                <Text size="sm">{item.description}</Text>
                <Text size="sm" c="dimmed">
                  {item.meta}
                </Text>
                <Group gap="sm" mt="auto" pt="xs">
                  {canManage && (
                    <Button variant="light" onClick={() => setCopying(item)} aria-label={texts.copyNamed(item.name)}>
                      {texts.copy}
                    </Button>
                  )}
                  {!item.builtIn && item.id && canManage && (
                    <Button
                      component={Link}
                      to={editPath(item.id)}
                      variant="default"
                      aria-label={texts.editNamed(item.name)}
                    >
                      {texts.edit}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <Dialog
        opened={copying !== null}
        onClose={() => setCopying(null)}
        title={copying ? texts.copyTitle(copying.name) : ""}
      >
        {copying && (
          <CopyForm item={copying} texts={texts} editPath={editPath} copy={copy} onClose={() => setCopying(null)} />
        )}
      </Dialog>
    </>
  );
}

/** Asks a name for the copy, makes it, and opens it to be adapted. */
function CopyForm({
  item,
  texts,
  editPath,
  copy,
  onClose,
}: Pick<Props, "texts" | "editPath" | "copy"> & { item: CopyableDocument; onClose: () => void }) {
  const { t: tc } = useTranslation();
  const organisation = useSession().data?.organisation?.name ?? "";
  const navigate = useNavigate();
  const form = useForm<{ name: string; basedOn: string }>({
    initialValues: { name: texts.copyDefaultName(item.name, organisation).slice(0, 200), basedOn: item.key },
  });
  const { run, formError } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const id = await copy(values);
      notifySuccess(texts.copied);
      onClose();
      navigate(editPath(id));
    }),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <Text size="sm">{texts.copyIntro}</Text>
        <FormError message={formError ?? (form.errors.basedOn as string | undefined) ?? null} />
        <TextInput label={texts.copyName} required maxLength={200} data-autofocus {...form.getInputProps("name")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc("actions.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {texts.copySubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Anchor, Button, Group, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dutchToday } from "../../domain/dutch-time";
import type { ExportFileFormat } from "../../domain/privacy/export";
import { download } from "../api";
import { useApiSubmit } from "../forms";
import { useSession } from "../session";
import { FormError } from "../shell/FormError";
import { notifySuccess } from "../shell/notify";
import "./texts";

/**
 * The person's own export (decision 0037): everything Koers shows them in this organisation, as
 * a PDF to read or JSON for another program. Both are plain downloads of a GET.
 */
export function OwnExportSection() {
  const { t } = useTranslation("privacy");
  const organisation = useSession().data?.organisation?.name ?? "";
  return (
    <Stack gap="sm" component="section" aria-labelledby="own-export-heading">
      <Title order={2} size="h3" id="own-export-heading">
        {t("export.heading")}
      </Title>
      <Text size="sm">{t("export.intro", { organisation })}</Text>
      <Group>
        <Button component="a" href="/api/v1/me/export?format=pdf" download>
          {t("export.pdf")}
        </Button>
        <Button component="a" href="/api/v1/me/export?format=json" download variant="default">
          {t("export.json")}
        </Button>
      </Group>
      <Anchor component={Link} to="/mijn-gegevens/inzage" size="sm">
        {t("export.accessLog")}
      </Anchor>
    </Stack>
  );
}

/**
 * The admin makes a person's export on their request, to hand it to them: the same file the
 * person downloads themselves. The day the request came in goes into the audit log with it.
 */
export function ExportRequestSection({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation("privacy");
  const form = useForm({
    initialValues: { requestedOn: dutchToday(), format: "pdf" as ExportFileFormat },
  });
  const { run, formError, pending } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      await download(`/people/${person.id}/export`, { body: values });
      notifySuccess(t("export.request.made", { name: person.name }));
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t("export.request.intro", { name: person.name })}</Text>
        <FormError message={formError} />
        <TextInput
          type="date"
          label={t("export.request.requestedOn")}
          required
          max={dutchToday()}
          {...form.getInputProps("requestedOn")}
        />
        <Radio.Group label={t("export.request.format")} {...form.getInputProps("format")}>
          <Group mt="xs">
            <Radio value="pdf" label={t("export.request.pdf")} />
            <Radio value="json" label={t("export.request.json")} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={pending}>
            {t("export.request.make")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CertificateView } from "../../domain/certificates/api";
import { api } from "../api";
import { useAction } from "../forms";
import { FormError } from "../shell/FormError";
import "./texts";

export type CertificateSubject = { moduleId: string } | { frameworkId: string };

const issueRequest = (subject: CertificateSubject) =>
  "moduleId" in subject
    ? api<CertificateView>(`/modules/${encodeURIComponent(subject.moduleId)}/certificate`, { method: "POST" })
    : api<CertificateView>("/learning-path/certificate", { body: { frameworkId: subject.frameworkId } });

/**
 * The certificate of a completed module or learning line: asking for it issues it the first time
 * (later it is the same certificate again), then the PDF made at issue is downloaded.
 */
export function CertificateButton({ subject }: { subject: CertificateSubject }) {
  const { t } = useTranslation("modules");
  const download = useAction(async () => {
    const certificate = await issueRequest(subject);
    window.location.assign(`/api/v1/certificates/${encodeURIComponent(certificate.id)}/pdf`);
  });
  const line = "frameworkId" in subject;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{t(line ? "certificate.lineTitle" : "certificate.moduleTitle")}</Text>
        <Text size="sm">{t("certificate.body")}</Text>
        <Button onClick={() => download.run()} loading={download.pending} variant="light">
          {t("certificate.download")}
        </Button>
        <FormError message={download.error} />
      </Stack>
    </Paper>
  );
}

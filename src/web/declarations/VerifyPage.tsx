import { Alert, Anchor, Button, Divider, FileInput, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api";
import { PublicLayout } from "../auth/PublicLayout";
import { useApiSubmit } from "../forms";
import { formatDate, formatDateTime } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { useSession } from "../session";
import { FormError } from "../shell/FormError";
import type { Verification } from "./model";
import "./texts";

/** Anyone holding a declaration's or a certificate's PDF or its hash checks it here, signed in or not. */
export default function VerifyPage() {
  const { t } = useTranslation("declarations");
  const session = useSession(); // the CSRF token for a visitor who is not signed in
  const [result, setResult] = useState<Verification | null>(null);
  const fileForm = useForm<{ file: File | null }>({ initialValues: { file: null } });
  const hashForm = useForm({ initialValues: { hash: "" } });
  const fileSubmit = useApiSubmit(fileForm);
  const hashSubmit = useApiSubmit(hashForm);

  useEffect(() => {
    document.title = `${t("verify.title")} · Koers`;
  }, [t]);

  const checkFile = fileForm.onSubmit((values) =>
    fileSubmit.run(async () => {
      setResult(null);
      if (!values.file) {
        fileForm.setFieldError("file", t("verify.chooseFile"));
        return;
      }
      const data = new FormData();
      data.append("file", values.file);
      setResult(await api<Verification>("/verify", { form: data }));
    }),
  );
  const checkHash = hashForm.onSubmit((values) =>
    hashSubmit.run(async () => {
      setResult(null);
      setResult(await api<Verification>("/verify", { body: { hash: values.hash.trim() } }));
    }),
  );

  return (
    <PublicLayout title={t("verify.title")} intro={t("verify.intro")}>
      <Stack gap="md">
        <form onSubmit={checkFile} noValidate>
          <Stack gap="xs">
            <FormError message={fileSubmit.formError} />
            <FileInput
              label={t("verify.file")}
              placeholder={t("verify.filePlaceholder")}
              accept="application/pdf"
              {...fileForm.getInputProps("file")}
              styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
            />
            <Button type="submit" variant="light" loading={fileForm.submitting} disabled={session.isPending}>
              {t("verify.submitFile")}
            </Button>
          </Stack>
        </form>
        <Divider label={t("verify.or")} labelPosition="center" />
        <form onSubmit={checkHash} noValidate>
          <Stack gap="xs">
            <FormError message={hashSubmit.formError} />
            <TextInput
              label={t("verify.hash")}
              description={t("verify.hashDescription")}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              {...hashForm.getInputProps("hash")}
            />
            <Button type="submit" variant="light" loading={hashForm.submitting} disabled={session.isPending}>
              {t("verify.submitHash")}
            </Button>
          </Stack>
        </form>
        <div aria-live="polite">{result && <VerificationResult result={result} />}</div>
        <Anchor component={Link} to="/inloggen" size="sm">
          {t("verify.back")}
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { t, i18n } = useTranslation("declarations");
  const lang = i18n.language;
  if (result.match && result.certificate) return <CertificateResult result={result} certificate={result.certificate} />;
  const d = result.declaration;
  if (!result.match || !d)
    return (
      <Alert
        color="red"
        variant="light"
        title={t("verify.resultTitle")}
        styles={{ title: { color: "var(--mantine-color-text)" } }}
      >
        <Text size="sm">{t("verify.noMatch")}</Text>
      </Alert>
    );
  const values = { title: d.title, form: d.form, number: d.number, organisation: d.organisation };
  const verdict = result.signedAndCurrent ? "valid" : d.status === "signed" ? "signedNotCurrent" : d.status;
  return (
    <Alert
      color={result.signedAndCurrent ? "green" : "orange"}
      variant="light"
      title={t("verify.resultTitle")}
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t(`verify.verdict.${verdict}`)}
        </Text>
        <Text size="sm">{result.matchedBy === "file" ? t("verify.matchFile") : t("verify.matchContent")}</Text>
        <Text size="sm">{d.form ? t("verify.whatForm", values) : t("verify.what", values)}</Text>
        <Text size="sm">{t("verify.statusLine", { status: t(`verify.statuses.${d.status}`) })}</Text>
        {d.contentSha256 && (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("verify.hashLine", { hash: d.contentSha256 })}
          </Text>
        )}
        <Title order={2} size="h5">
          {t("verify.signers")}
        </Title>
        {d.signers.length === 0 ? (
          <Text size="sm">{t("verify.noSigners")}</Text>
        ) : (
          <List size="sm">
            {d.signers.map((s) => (
              <List.Item key={`${s.slot}-${s.signedAt}`}>
                {t("verify.signerLine", { name: s.name, slot: s.slot, date: formatDateTime(s.signedAt, lang) })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

/** A certificate Koers issued: what it says, as issued; a certificate is not signed, so no verdict beyond that. */
function CertificateResult({
  result,
  certificate: c,
}: {
  result: Verification;
  certificate: NonNullable<Verification["certificate"]>;
}) {
  const { t, i18n } = useTranslation("declarations");
  const locale = localeOf(i18n.language);
  const values = {
    holder: c.holder,
    title: c.title[locale],
    version: c.version,
    date: formatDate(c.completedOn, i18n.language),
  };
  return (
    <Alert
      color="green"
      variant="light"
      title={t("verify.resultTitle")}
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t("verify.certificate.verdict")}
        </Text>
        <Text size="sm">
          {result.matchedBy === "file" ? t("verify.certificate.matchFile") : t("verify.certificate.matchContent")}
        </Text>
        <Text size="sm">{t(`verify.certificate.${c.kind}`, values)}</Text>
        <Text size="sm">
          {t("verify.certificate.issuedBy", {
            organisation: c.organisation,
            date: formatDate(c.issuedAt, i18n.language),
          })}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("verify.hashLine", { hash: c.contentSha256 })}
        </Text>
        <Title order={2} size="h5">
          {t("verify.certificate.competences")}
        </Title>
        <List size="sm">
          {c.competences.map((competence) => (
            <List.Item key={competence.key}>
              {competence.module
                ? t("verify.certificate.through", { name: competence.name[locale], module: competence.module })
                : competence.level === null
                  ? competence.name[locale]
                  : t("verify.certificate.level", { name: competence.name[locale], level: competence.level })}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

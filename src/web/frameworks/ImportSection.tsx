import { Alert, FileInput, Stack, Table, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { competencesFromCsv } from "../../domain/competences/csv";
import { type Framework, frameworkSchema } from "../../domain/competences/framework";

/** Files larger than this are refused before they are read. */
const MAX_BYTES = 1_000_000;

interface Problem {
  row: number | null;
  place: string | null;
  message: string;
}

/**
 * A framework file (the JSON or CSV export, possibly edited in a spreadsheet) read into the draft
 * the form holds: the whole document from JSON, the competences from CSV. The file is checked
 * whole by the framework's own rules first; with any problem nothing changes, and each problem
 * is named by row and column. The draft is stored only when the user saves it.
 */
export function ImportSection<Values extends { document: Framework }>({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation("frameworks");
  const { t: common } = useTranslation();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const keyText = (key: string) =>
    key === "import.columnMissing"
      ? t("import.columnMissing")
      : key.startsWith("field.")
        ? common(`validation.${key.slice("field.".length)}`, { defaultValue: common("validation.invalid") })
        : common("validation.invalid");

  async function read(file: File | null) {
    setProblems([]);
    setDone(null);
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileError(t("import.tooLarge"));
    const text = await file.text();
    const csv = file.name.toLowerCase().endsWith(".csv");
    if (csv) {
      const result = competencesFromCsv(text);
      if (!result.ok) {
        setFileError(t("import.refused"));
        return setProblems(result.errors.map((e) => ({ row: e.row, place: e.column, message: keyText(e.key) })));
      }
      form.setFieldValue("document.competences" as never, result.competences as never);
      return setDone(t("import.readCsv", { count: result.competences.length }));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return setFileError(t("import.notJson"));
    }
    const result = frameworkSchema.safeParse(json);
    if (!result.success) {
      setFileError(t("import.refused"));
      return setProblems(
        result.error.issues.map((issue) => ({
          row: null,
          place: issue.path.join("."),
          message: keyText(issue.code === "too_small" && issue.origin === "string" ? "field.required" : issue.message),
        })),
      );
    }
    form.setFieldValue("document" as never, result.data as never);
    setDone(t("import.readJson"));
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t("import.intro")}</Text>
      <FileInput
        label={t("import.file")}
        accept=".json,.csv,application/json,text/csv"
        clearable
        onChange={(file) => void read(file)}
        error={fileError}
      />
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {problems.length > 0 && (
        <Table captionSide="top">
          <caption>{t("import.problems")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("import.row")}</Table.Th>
              <Table.Th scope="col">{t("import.place")}</Table.Th>
              <Table.Th scope="col">{t("import.message")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of one file's problems
              <Table.Tr key={i}>
                <Table.Td>{p.row ?? "—"}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{p.place ?? "—"}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

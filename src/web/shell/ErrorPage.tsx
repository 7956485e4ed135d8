import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function ErrorPage({ kind }: { kind: "notFound" | "forbidden" | "generic" }) {
  const { t } = useTranslation();
  return (
    <Alert color={kind === "generic" ? "red" : "gray"} role="alert" m="md">
      {t(`errors.${kind}`)}
    </Alert>
  );
}

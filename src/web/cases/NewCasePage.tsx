import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BackLink } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { CaseEditor } from "./CaseEditor";
import { useCaseList } from "./model";
import "./texts";

/** Begin a case: saved as a draft, then sent for review from its own page. */
export default function NewCasePage() {
  const { t } = useTranslation("cases");
  const list = useCaseList({ q: "", competence: "", setting: "" });
  return (
    <Stack maw={860}>
      <BackLink to="/casuistiek">{t("detail.back")}</BackLink>
      <PageTitle>{t("editor.newTitle")}</PageTitle>
      <Text size="sm">{t("editor.reviewNote")}</Text>
      {list.data && <CaseEditor row={null} network={list.data.policies.createForNetwork} />}
    </Stack>
  );
}

import { Anchor, Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FrameworkList } from "../../domain/competences/api";
import { canDraftNetworkFramework, canManageOwnFrameworks } from "../../domain/competences/policy";
import type { Role } from "../../domain/roles";
import { formatDate } from "../i18n";
import { localeOf } from "../i18n/regime-text";
import { useSession } from "../session";
import { ListTable } from "../shell/ListTable";
import { LoadError, Loading } from "../shell/PageStates";
import { PageTitle } from "../shell/PageTitle";
import { useFrameworkList } from "./model";
import { NewFramework } from "./NewFramework";
import "./texts";

type Row = FrameworkList["frameworks"][number];

/** The competence frameworks this organisation works with: the network's and its own. */
export default function FrameworksPage() {
  const { t, i18n } = useTranslation("frameworks");
  const lang = i18n.language;
  const locale = localeOf(lang);
  const query = useFrameworkList();
  const roles = (useSession().data?.organisation?.roles ?? []) as Role[];
  const own = canManageOwnFrameworks({ roles });
  const network = canDraftNetworkFramework({ roles });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError back={null} error={query.error} notFound={t("list.title")} />;
  return (
    <Stack maw={1100}>
      <PageTitle>{t("list.title")}</PageTitle>
      <Text>{t("list.intro")}</Text>
      {(own || network) && <NewFramework list={query.data} own={own} network={network} />}
      <ListTable<Row>
        rows={query.data.frameworks}
        rowKey={(row) => row.id}
        label={t("list.label")}
        minWidth={720}
        empty={t("list.empty")}
        cards={{ aside: (row) => <OwnerBadge row={row} /> }}
        columns={[
          {
            key: "name",
            header: t("list.name"),
            primary: true,
            cell: (row) => (
              <Anchor component={Link} to={`/kaders/${row.id}`}>
                {row.name[locale]}
              </Anchor>
            ),
          },
          { key: "owner", header: t("list.owner"), cell: (row) => <OwnerBadge row={row} /> },
          {
            key: "published",
            header: t("list.published"),
            cell: (row) =>
              row.published
                ? t("list.publishedLine", {
                    number: row.published.number,
                    date: formatDate(row.published.publishedAt, lang),
                  })
                : t("list.nonePublished"),
          },
          {
            key: "open",
            header: t("list.open"),
            cell: (row) =>
              row.open ? t("list.openLine", { number: row.open.number, status: t(`status.${row.open.status}`) }) : "—",
          },
        ]}
      />
    </Stack>
  );
}

function OwnerBadge({ row }: { row: Row }) {
  const { t } = useTranslation("frameworks");
  return (
    <Badge variant="light" color={row.owner === "network" ? "blue" : "gray"}>
      {t(`owner.${row.owner}`)}
    </Badge>
  );
}

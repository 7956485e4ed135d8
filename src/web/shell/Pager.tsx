import { Box, Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Page numbers for a list, as a named navigation landmark. Every control says where it goes
 * ("Pagina 3", "Volgende pagina"), and the current page is marked for screen readers.
 */
export function Pager({
  page,
  pages,
  onChange,
  label,
  compact = false,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
  /** What is paged, when a screen has more than one pager ("Pagina's met fouten"). */
  label?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const current = Math.min(page, pages);
  return (
    <Box component="nav" aria-label={label ?? t("pager.label")}>
      <Pagination
        total={pages}
        value={current}
        onChange={onChange}
        size="sm"
        siblings={compact ? 0 : 1}
        withEdges={!compact && pages > 5}
        getItemProps={(p) => ({
          "aria-label": t("pager.page", { page: p }),
          "aria-current": p === current ? "page" : undefined,
        })}
        getControlProps={(control) => ({ "aria-label": t(`pager.${control}`) })}
      />
    </Box>
  );
}

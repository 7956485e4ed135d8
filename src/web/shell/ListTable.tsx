import { Group, Paper, SimpleGrid, Stack, Table, type TableTdProps, Text } from "@mantine/core";
import { Fragment, type Key, type ReactNode } from "react";
import { Pager } from "./Pager";

/** One column of a list table: its header, how a row fills it, and how it names the row. */
export interface ListColumn<Row> {
  key: string;
  /** The column header. */
  header: ReactNode;
  /** The row's cell. */
  cell: (row: Row) => ReactNode;
  /** The column that names the row: a row header in the table, the card's title on a phone. */
  primary?: boolean;
  /** Width of the column, set on its header. */
  width?: number;
  /** Shown from tablet width on only (on a phone another cell carries it). */
  fromTablet?: boolean;
  /** Look of the cells (nowrap, break-all, weight); never content. */
  cellProps?: Pick<TableTdProps, "style" | "fw">;
}

/** On a phone a card per row instead of a table that scrolls sideways. */
export interface ListCards<Row> {
  /** The card's title; by default the primary column's cell. */
  title?: (row: Row) => ReactNode;
  /** Beside the title, such as a status badge. */
  aside?: (row: Row) => ReactNode;
  /** Under the title; by default every other column as a label and its value. */
  body?: (row: Row) => ReactNode;
}

export interface ListPager {
  page: number;
  pages: number;
  onChange: (page: number) => void;
  /** What is paged, when a screen has more than one pager. */
  label?: string;
  compact?: boolean;
  /** Beside the pager, such as the page-size choice. */
  beside?: ReactNode;
}

export interface ListTableProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  columns: ReadonlyArray<ListColumn<Row> | false | null | undefined>;
  /** The accessible name of the table (and of the card list), or the id of the heading that names it. */
  label?: string;
  labelledBy?: string;
  /** A visible caption of the table (and above the cards). */
  caption?: ReactNode;
  captionOnTop?: boolean;
  /** Rows summed up under the others (a total), in the table's foot and as the last cards. */
  footer?: readonly Row[];
  /** Said in an empty row (or in place of the cards) when there are no rows. */
  empty?: ReactNode;
  /** Narrower than this, the table scrolls sideways inside its container. */
  minWidth: number;
  cards?: ListCards<Row>;
  pager?: ListPager;
  /** The rows are being fetched anew. */
  busy?: boolean;
  /** Tight rows without stripes, for a short table inside a section of a page. */
  compact?: boolean;
}

/**
 * The one way to show a list of records in a table: a scroll container that keeps the page
 * within the screen, column headers and (for the primary column) row headers, an empty row,
 * optionally a card per row on a phone, and a pager.
 */
export function ListTable<Row>({
  rows,
  rowKey,
  columns: given,
  label,
  labelledBy,
  caption,
  captionOnTop = false,
  footer = [],
  empty,
  minWidth,
  cards,
  pager,
  busy,
  compact = false,
}: ListTableProps<Row>) {
  const columns = given.filter((column): column is ListColumn<Row> => Boolean(column));
  const name = { "aria-label": label, "aria-labelledby": labelledBy };
  const isEmpty = rows.length === 0;

  const cellsOf = (row: Row) =>
    columns.map((column) =>
      column.primary ? (
        <Table.Th key={column.key} scope="row" fw={500} {...column.cellProps}>
          {column.cell(row)}
        </Table.Th>
      ) : (
        <Table.Td key={column.key} visibleFrom={column.fromTablet ? "sm" : undefined} {...column.cellProps}>
          {column.cell(row)}
        </Table.Td>
      ),
    );

  const table = (
    <Table.ScrollContainer minWidth={minWidth} visibleFrom={cards ? "sm" : undefined}>
      <Table
        {...name}
        striped={!compact}
        highlightOnHover={!compact}
        verticalSpacing={compact ? "xs" : "sm"}
        captionSide={captionOnTop ? "top" : undefined}
        aria-busy={busy}
      >
        {caption !== undefined && (
          <Table.Caption style={captionOnTop ? { textAlign: "start" } : undefined}>{caption}</Table.Caption>
        )}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                scope="col"
                w={column.width}
                visibleFrom={column.fromTablet ? "sm" : undefined}
              >
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {isEmpty && empty !== undefined && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed">{empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>{cellsOf(row)}</Table.Tr>
          ))}
        </Table.Tbody>
        {footer.length > 0 && (
          <Table.Tfoot>
            {footer.map((row) => (
              <Table.Tr key={rowKey(row)}>{cellsOf(row)}</Table.Tr>
            ))}
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <>
      {cards && caption !== undefined && (
        <Text size="sm" c="dimmed" role="status" hiddenFrom="sm">
          {caption}
        </Text>
      )}
      {cards &&
        (isEmpty ? (
          empty !== undefined && (
            <Text c="dimmed" hiddenFrom="sm">
              {empty}
            </Text>
          )
        ) : (
          <Stack
            {...name}
            component="ul"
            hiddenFrom="sm"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-busy={busy}
          >
            {[...rows, ...footer].map((row) => (
              <Card key={rowKey(row)} row={row} columns={columns} cards={cards} />
            ))}
          </Stack>
        ))}
      {table}
      {pager &&
        (pager.beside ? (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Pager {...pager} />
            {pager.beside}
          </Group>
        ) : (
          <Pager {...pager} />
        ))}
    </>
  );
}

function Card<Row>({ row, columns, cards }: { row: Row; columns: ListColumn<Row>[]; cards: ListCards<Row> }) {
  const primary = columns.find((column) => column.primary);
  const title = (
    <Text component="div" fw={500}>
      {cards.title ? cards.title(row) : primary?.cell(row)}
    </Text>
  );
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      {cards.aside ? (
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          {title}
          {cards.aside(row)}
        </Group>
      ) : (
        title
      )}
      {cards.body ? (
        cards.body(row)
      ) : (
        <SimpleGrid component="dl" cols={2} spacing={4} verticalSpacing={2} m={0}>
          {columns
            .filter((column) => column !== primary)
            .map((column) => (
              <Fragment key={column.key}>
                <Text component="dt" size="sm" c="dimmed">
                  {column.header}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {column.cell(row)}
                </Text>
              </Fragment>
            ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

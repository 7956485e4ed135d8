import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import "../i18n";
import { type ListColumn, ListTable, type ListTableProps } from "./ListTable";

interface Person {
  id: string;
  name: string;
  email: string;
}

const columns: ListColumn<Person>[] = [
  { key: "name", header: "Naam", primary: true, cell: (p) => p.name },
  { key: "email", header: "E-mailadres", cell: (p) => p.email },
];
const people: Person[] = [
  { id: "1", name: "Anna de Vries", email: "anna@example.org" },
  { id: "2", name: "Daan Bakker", email: "daan@example.org" },
];

/** The page's markup (the unit tests have no DOM, so it is read as text). */
function render(props: Partial<ListTableProps<Person>>) {
  return renderToStaticMarkup(
    <MantineProvider>
      <ListTable rows={people} rowKey={(p) => p.id} columns={columns} label="Mensen" minWidth={500} {...props} />
    </MantineProvider>,
  );
}

/** The text of every element `tag` whose opening tag matches `attributes`. */
function textsOf(html: string, tag: string, attributes = "") {
  const pattern = new RegExp(`<${tag}\\b[^>]*${attributes}[^>]*>(.*?)</${tag}>`, "gs");
  return [...html.matchAll(pattern)].map((match) => (match[1] ?? "").replace(/<[^>]+>/g, ""));
}

describe("a list table", () => {
  it("heads each column, and names each row by its primary column", () => {
    const html = render({});
    expect(html).toMatch(/<table\b[^>]*aria-label="Mensen"/);
    expect(textsOf(html, "th", 'scope="col"')).toEqual(["Naam", "E-mailadres"]);
    expect(textsOf(html, "th", 'scope="row"')).toEqual(["Anna de Vries", "Daan Bakker"]);
    expect(textsOf(html, "td")).toEqual(["anna@example.org", "daan@example.org"]);
    // Without cards there is no list, and the table shows at every width.
    expect(html).not.toContain("<ul");
  });

  it("says it is empty in a row across all columns", () => {
    const html = render({ rows: [], empty: "Niemand gevonden." });
    expect(html).toMatch(/<td\b[^>]*colSpan="2"/i);
    expect(textsOf(html, "td")).toEqual(["Niemand gevonden."]);
  });

  it("on a phone shows a card per row under the same name, titled by the primary column", () => {
    const html = render({ cards: {} });
    expect(html).toMatch(/<ul\b[^>]*aria-label="Mensen"/);
    const cards = textsOf(html, "li");
    expect(cards).toHaveLength(2);
    expect(cards[0]?.startsWith("Anna de Vries")).toBe(true);
    // The other columns as label and value.
    expect(textsOf(html, "dt")).toEqual(["E-mailadres", "E-mailadres"]);
    expect(textsOf(html, "dd")).toEqual(["anna@example.org", "daan@example.org"]);
  });

  it("on a phone says it is empty instead of showing an empty list", () => {
    const html = render({ rows: [], empty: "Niemand gevonden.", cards: {} });
    expect(html).not.toContain("<ul");
    expect(html.split("Niemand gevonden.")).toHaveLength(3);
  });

  it("adds a named pager when there is more than one page", () => {
    expect(render({ pager: { page: 1, pages: 1, onChange: () => {} } })).not.toContain("<nav");
    const html = render({ pager: { page: 2, pages: 3, onChange: () => {} } });
    expect(html).toMatch(/<nav\b[^>]*aria-label="Paginering"/);
    expect(html).toMatch(/aria-current="page"[^>]*>2</);
  });
});

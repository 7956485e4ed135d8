import { Typography } from "@mantine/core";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/**
 * Text someone wrote in Markdown (a module's text, an assignment's instructions), shown with its
 * markup and nothing more: raw HTML is dropped, never rendered; a link or image may only go to
 * http(s), mailto or a page of Koers (javascript: and data: addresses are emptied); links open
 * in a new tab without handing it this page. Headings start one level below the page's own.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown
        skipHtml
        urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? defaultUrlTransform(url) : "")}
        components={{
          h1: ({ node: _, ...props }) => <h3 {...props} />,
          h2: ({ node: _, ...props }) => <h4 {...props} />,
          a: ({ node: _, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}

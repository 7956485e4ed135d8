// A worker thread of the PDF render pool. The server's TypeScript is loaded with tsx, also where
// the main thread was started without it (the tests).
import { tsImport } from "tsx/esm/api";

const { renderTask } = await tsImport("./render-task.ts", import.meta.url);

/** Renders one PDF; the bytes are moved back to the main thread, not copied. */
export default async function render(task) {
  const bytes = await renderTask(task);
  return bytes;
}

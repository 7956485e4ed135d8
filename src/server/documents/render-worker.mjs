// A worker thread of the PDF render pool. Beside the compiled server (`npm start`) it loads the
// compiled renderer; beside the sources (`npm run dev`, the tests) it loads the TypeScript with
// tsx, also where the main thread was started without it (the tests).
import { existsSync } from "node:fs";

const compiled = new URL("./render-task.js", import.meta.url);
const { renderTask } = existsSync(compiled)
  ? await import(compiled.href)
  : await (await import("tsx/esm/api")).tsImport("./render-task.ts", import.meta.url);

/** Renders one PDF; the bytes are moved back to the main thread, not copied. */
export default async function render(task) {
  const bytes = await renderTask(task);
  return bytes;
}

import sharp from "sharp";

export { everyBlockModule } from "../../src/domain/modules/test-module.js";

import type { TestClient } from "./app.js";

/** A small photo that decodes, as a phone would send it. */
export const photo = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();

/** Hands in an assignment as the web app does: a multipart form with a description and maybe a file. */
export function submitAssignment(
  client: TestClient,
  url: string,
  block: string,
  description: string | null,
  file?: { bytes: Buffer; name: string; type: string },
) {
  const form = new FormData();
  form.append("block", block);
  if (description !== null) form.append("description", description);
  if (file) form.append("evidence", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return client.request({ method: "POST", url, payload: form as never });
}

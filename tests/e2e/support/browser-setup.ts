import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests drive the system's Chromium; no test tool downloads a browser. As root we
 * install Debian's package; otherwise we say how.
 */
export default async function setup() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    execSync("apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium", {
      stdio: "inherit",
    });
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `Chromium not found at ${CHROMIUM}. Install it with 'sudo apt-get install chromium' (Debian/Ubuntu) ` +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}

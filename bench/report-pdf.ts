/**
 * How long the final report PDF takes to render: 15 goals, 5 classroom visits, the organisation's
 * logo, a finalised report (SHA-256 footer). Renders a few times to warm up, then N times in a
 * row and prints mean, p50 and p95 in milliseconds.
 *
 *   npm run bench:pdf            # 50 runs
 *   npm run bench:pdf -- 200     # 200 runs
 */
import os from "node:os";
import { renderFinalReportPdf } from "../src/server/trajectories/documents/render-final-report.js";
import { demoLogo, finalReportInput } from "../src/server/trajectories/documents/test-factories.js";
import { pdfPages } from "../tests/support/pdf-text.js";

const runs = Number(process.argv[2] ?? 50);
const WARM_UP = 5;
if (!Number.isInteger(runs) || runs < 1) {
  console.error("Usage: npm run bench:pdf -- [runs, a whole number of at least 1]");
  process.exit(1);
}

const input = finalReportInput({
  goals: 15,
  visits: 5,
  final: true,
  organisation: { logo: demoLogo(), logoMime: "image/png" },
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const first = performance.now();
const pdf = await renderFinalReportPdf(input);
const firstMs = performance.now() - first;
for (let i = 1; i < WARM_UP; i++) await renderFinalReportPdf(input);

const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await renderFinalReportPdf(input);
  times.push(performance.now() - start);
}
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);

const cpus = os.cpus();
const round = (ms: number) => ms.toFixed(1);
console.log(`Final-report PDF: 15 goals, 5 visits, logo, finalised`);
console.log(`machine   ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, Node ${process.version}`);
console.log(`pages     ${(await pdfPages(pdf)).length}`);
console.log(`size      ${Math.round(pdf.length / 1024)} KiB`);
console.log(`first     ${round(firstMs)} ms (cold, before ${WARM_UP} warm-up renders)`);
console.log(`runs      ${runs}`);
console.log(`mean      ${round(times.reduce((sum, t) => sum + t, 0) / times.length)} ms`);
console.log(`p50       ${round(percentile(times, 50))} ms`);
console.log(`p95       ${round(percentile(times, 95))} ms`);
// Wall-clock times grow when other work shares the CPU; CPU time per render and the load say how much.
console.log(`cpu       ${round((cpu.user + cpu.system) / 1000 / runs)} ms per render (user + system)`);
console.log(`load      ${os.loadavg()[0]!.toFixed(2)} (1-minute average)`);

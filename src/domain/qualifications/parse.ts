/**
 * A qualification's core tasks and work processes as a praktijkopleider copies them from the
 * qualification file (kwalificatiedossier): one per line, each starting with its code. A core
 * task is coded like `B1-K1`, a work process of it like `B1-K1-W2`; a work process follows its
 * core task. Pure: the server parses what is saved, the page shows the same problems.
 */

export interface WorkProcess {
  code: string;
  title: string;
}

export interface CoreTask {
  code: string;
  title: string;
  workProcesses: WorkProcess[];
}

export type LineProblem = "noCode" | "noTitle" | "withoutCoreTask" | "duplicate";

export type Parsed = { ok: true; tasks: CoreTask[] } | { ok: false; line: number; problem: LineProblem; code?: string };

const CORE_TASK = /^([A-Z]\d{1,2}-K\d{1,2})(?=[\s:.]|$)/;
const WORK_PROCESS = /^(([A-Z]\d{1,2}-K\d{1,2})-W\d{1,2})(?=[\s:.]|$)/;

/** The tasks in a text, or the first line that is wrong (numbered from 1) and why. Blank lines are skipped. */
export function parseCoreTasks(text: string): Parsed {
  const tasks: CoreTask[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n?|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const number = index + 1;
    const process = WORK_PROCESS.exec(line);
    const code = process ? process[1] : CORE_TASK.exec(line)?.[1];
    if (!code) return { ok: false, line: number, problem: "noCode" };
    const title = line
      .slice(code.length)
      .replace(/^\s*[:.-]?\s*/, "")
      .trim();
    if (!title) return { ok: false, line: number, problem: "noTitle", code };
    if (seen.has(code)) return { ok: false, line: number, problem: "duplicate", code };
    seen.add(code);
    if (process) {
      const task = tasks.find((t) => t.code === process[2]);
      if (!task) return { ok: false, line: number, problem: "withoutCoreTask", code };
      task.workProcesses.push({ code, title });
    } else tasks.push({ code, title, workProcesses: [] });
  }
  return { ok: true, tasks };
}

/** The text that parses back to these tasks: how a saved qualification is shown for editing. */
export const formatCoreTasks = (tasks: readonly CoreTask[]) =>
  tasks.flatMap((t) => [`${t.code} ${t.title}`, ...t.workProcesses.map((w) => `${w.code} ${w.title}`)]).join("\n");

/** A goal's title from a work process, as it reads on the goal list: its code and title. */
export const goalTitleOf = (process: WorkProcess) => `${process.code} ${process.title}`;

import type { Regime } from "../../domain/regimes/schema";
import type { ReportView } from "../../domain/trajectories/api";

export type { ReportView };

export const reportKeys = {
  report: (trajectoryId: string) => ["trajectories", "report", trajectoryId] as const,
};

export const reportApi = (trajectoryId: string) => `/trajectories/${encodeURIComponent(trajectoryId)}/report`;
export const reportPdfUrl = (trajectoryId: string) => `/api/v1${reportApi(trajectoryId)}.pdf`;

export interface ReportFormValues extends Record<string, unknown> {
  sections: Record<string, string>;
}

/** One text per section of the regime, in its order; a section the report lacks starts empty. */
export function reportToForm(regime: Regime, report: Pick<ReportView, "sections">): ReportFormValues {
  return {
    sections: Object.fromEntries(regime.report.sections.map((s) => [s.key, report.sections[s.key] ?? ""])),
  };
}

import type { Rule } from '../model';
import type { ScanReport } from '../scan/report';
import { toCsv } from './csv';
import { toHtml } from './html';
import { toJson } from './json';
import { toJunit } from './junit';
import { toSarif } from './sarif';
import { toTable } from './table';

export { toTable, type TableOptions } from './table';
export { toJson } from './json';
export { toSarif, fingerprint, SARIF_SCHEMA_URI, SARIF_TOOL_NAME, type SarifOptions } from './sarif';
export { toJunit } from './junit';
export { toCsv, CSV_COLUMNS } from './csv';
export { toHtml } from './html';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'junit', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** File extension for a report written to disk. */
export const REPORT_EXTENSION: Readonly<Record<ReportFormat, string>> = {
  table: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  html: 'html',
  csv: 'csv',
};

export interface RenderOptions {
  /** table: ANSI colours. */
  readonly color?: boolean;
  /** sarif: the tool's version (`tool.driver.version`); defaults to the rule-set version of the scan. */
  readonly toolVersion?: string;
  /** sarif: `tool.driver.informationUri`. */
  readonly informationUri?: string;
}

/** Renders a scan in one of the formats; `rules` gives SARIF its rule metadata (descriptions, help, references). */
export function renderReport(format: ReportFormat, report: ScanReport, rules: readonly Rule[], options: RenderOptions = {}): string {
  switch (format) {
    case 'table':
      return toTable(report, { color: options.color ?? false });
    case 'json':
      return toJson(report);
    case 'sarif':
      return toSarif(report, rules, {
        toolVersion: options.toolVersion ?? report.audit.ruleSetVersion,
        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
      });
    case 'junit':
      return toJunit(report);
    case 'html':
      return toHtml(report);
    case 'csv':
      return toCsv(report);
  }
}

import { makeReport, makeRules } from './__tests__/report-factory';
import { REPORT_FORMATS, isReportFormat, renderReport, toCsv, toHtml, toJson, toJunit, toTable } from './index';

describe('renderReport', () => {
  it('lists the six formats', () => {
    expect(REPORT_FORMATS).toEqual(['table', 'json', 'sarif', 'junit', 'html', 'csv']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
  });

  it('renders each format with its writer', () => {
    const report = makeReport();
    const rules = makeRules();
    expect(renderReport('table', report, rules)).toBe(toTable(report));
    expect(renderReport('table', report, rules, { color: true })).toBe(toTable(report, { color: true }));
    expect(renderReport('json', report, rules)).toBe(toJson(report));
    expect(renderReport('junit', report, rules)).toBe(toJunit(report));
    expect(renderReport('html', report, rules)).toBe(toHtml(report));
    expect(renderReport('csv', report, rules)).toBe(toCsv(report));
    const sarif = JSON.parse(renderReport('sarif', report, rules, { toolVersion: '9.9.9' })) as { runs: { tool: { driver: { version: string } } }[] };
    expect(sarif.runs[0].tool.driver.version).toBe('9.9.9');
    const fallback = JSON.parse(renderReport('sarif', report, rules)) as typeof sarif;
    expect(fallback.runs[0].tool.driver.version).toBe(report.audit.ruleSetVersion);
  });
});

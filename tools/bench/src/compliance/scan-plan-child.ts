/**
 * Child process of `bench:compliance`: scans one plan file the way `cloudwright compliance scan` does (read, parse,
 * evaluate every rule, score every framework; then render JSON unless the mode is `none`) and prints its timings and
 * peak RSS as one JSON line. A fresh process per run so the peak RSS is the scan's own.
 */
import { readFileSync } from 'node:fs';
import { BUILTIN_FRAMEWORKS, BUILTIN_RULES, scanPlanText, toJson } from '@cloudwright/compliance';

const [path, mode = 'json', passed = 'failed-only'] = process.argv.slice(2);
if (!path) throw new Error('usage: scan-plan-child <plan.json> [json|none] [include-passed|failed-only]');
const t0 = performance.now();
const text = readFileSync(path, 'utf8');
const report = scanPlanText(text, path, { includePassed: passed === 'include-passed', scannedBy: 'bench' });
const t1 = performance.now();
const json = mode === 'json' ? toJson(report) : '';
const t2 = performance.now();
console.log(
  JSON.stringify({
    totalMs: t2 - t0,
    scanMs: t1 - t0,
    renderMs: t2 - t1,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources: report.summary.resources,
    findings: report.findings.length,
    rules: BUILTIN_RULES.length,
    frameworks: BUILTIN_FRAMEWORKS.length,
    requirements: report.scores.frameworks.reduce((n, f) => n + f.requirements.length, 0),
    byStatus: report.summary.byStatus,
    outputBytes: json.length,
  }),
);

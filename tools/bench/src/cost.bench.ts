/**
 * `npm run bench:cost`: the pricing engine on a 10,000-resource plan mixing the three clouds (time and peak RSS of a
 * fresh process, as `cloudwright cost estimate` runs in CI), then the cost-tracker service: concurrent estimate
 * requests and a 1,000,000-row FOCUS import. Prints a table and writes the "cost" section of docs/benchmarks.md.
 *
 * CW_BENCH_SCALE (default 1) scales the plan size, request count and FOCUS rows (0.1 for a smoke run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@cloudwright/devenv';
import { SYNTHETIC_TEMPLATES, syntheticPlan } from './cost/synthetic-plan';
import { benchSection, describeMachine, printTable, writeSection, type Figure } from './report';
import { errorText, fmtInt, fmtMs } from './util';
import { measureService } from './cost/service-bench';

const TARGET_PLAN_MS = 1_000;
const TARGET_PLAN_RSS_MB = 300;
const RUNS = 5;

const log = (line: string) => console.log(`[bench] ${line}`);

interface ChildResult {
  totalMs: number;
  catalogMs: number;
  parseMs: number;
  estimateMs: number;
  renderMs: number;
  maxRssMb: number;
  resources: number;
  priced: number;
  unsupported: number;
  free: number;
  unsupportedTypes: string[];
  totalMonthlyCost: string;
}

function pricePlanInChild(planPath: string): ChildResult {
  const child = join(__dirname, 'cost', 'price-plan-child.js');
  const out = execFileSync(process.execPath, [child, planPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function planFigures(scale: number, figures: Figure[], notes: string[]): void {
  const count = Math.round(10_000 * scale);
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-cost-'));
  try {
    const path = join(dir, 'plan.json');
    const text = JSON.stringify(syntheticPlan(count));
    writeFileSync(path, text);
    log(`pricing a ${fmtInt(count)}-resource plan (${(text.length / 1024 / 1024).toFixed(1)} MB) ${RUNS} times, each in a fresh process`);
    const runs = Array.from({ length: RUNS }, () => pricePlanInChild(path));
    const last = runs[runs.length - 1];
    const total = median(runs.map((r) => r.totalMs));
    const worst = Math.max(...runs.map((r) => r.totalMs));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    figures.push(
      {
        name: `price a ${fmtInt(count)}-resource plan (3 clouds), median of ${RUNS}`,
        value: `${fmtMs(total)} ms (worst ${fmtMs(worst)} ms)`,
        target: '< 1 s',
        pass: worst < TARGET_PLAN_MS,
        note: `catalog load ${fmtMs(median(runs.map((r) => r.catalogMs)))} + parse ${fmtMs(median(runs.map((r) => r.parseMs)))} + estimate ${fmtMs(median(runs.map((r) => r.estimateMs)))} + JSON ${fmtMs(median(runs.map((r) => r.renderMs)))} ms`,
      },
      { name: 'peak RSS of that process', value: `${rss.toFixed(0)} MB`, target: '< 300 MB', pass: rss < TARGET_PLAN_RSS_MB },
    );
    notes.push(
      `Plan: ${fmtInt(last.resources)} resources from ${SYNTHETIC_TEMPLATES} templates (AWS, Azure, GCP, incl. free network types); ${fmtInt(last.priced)} priced, ${fmtInt(last.free)} free, ${fmtInt(last.unsupported)} unsupported${last.unsupportedTypes.length ? ` (${last.unsupportedTypes.join(', ')})` : ''}; total $${last.totalMonthlyCost}/month. Time is measured inside the process (reading the file to the JSON document), excluding Node's start-up.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const scale = Number(process.env.CW_BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`CW_BENCH_SCALE must be a positive number, not "${process.env.CW_BENCH_SCALE}"`);
  const figures: Figure[] = [];
  const notes: string[] = [];
  planFigures(scale, figures, notes);
  const service = await measureService(scale, figures, notes, log);
  const machine = describeMachine(service.natsVersion, service.postgres);
  console.log('');
  printTable(figures);
  for (const note of notes) console.log(`- ${note}`);
  const failed = figures.filter((f) => f.pass === false).map((f) => f.name);
  console.log('');
  console.log(failed.length ? `FAIL: ${failed.join('; ')}` : 'All targets PASS.');
  const docs = join(findRepoRoot(__dirname), 'docs/benchmarks.md');
  writeSection(docs, benchSection('cost', `\`CW_BENCH_SCALE=${scale}\``, machine, figures, notes));
  log(`wrote ${docs}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ERROR: ${errorText(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  },
);

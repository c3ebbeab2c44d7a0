/**
 * `npm run bench:compliance`: the compliance engine on a 10,000-resource plan built from the rules' own fixtures (every
 * resource rule evaluated, every framework scored) and on a 50-resource plan, each scanned in a fresh process as
 * `cloudwright compliance scan` runs in CI. Prints a table and writes the "compliance" section of docs/benchmarks.md.
 *
 * CW_BENCH_SCALE (default 1) scales the large plan (0.1 for a smoke run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@cloudwright/devenv';
import { fixturePlan } from './compliance/fixture-plan';
import { benchSection, describeMachine, printTable, writeSection, type Figure } from './report';
import { fmtInt, fmtMs } from './util';

const TARGET_LARGE_MS = 2_000;
const TARGET_SMALL_MS = 100;
const TARGET_RSS_MB = 300;
const RUNS = 5;

const log = (line: string) => console.log(`[bench] ${line}`);

interface ChildResult {
  totalMs: number;
  scanMs: number;
  renderMs: number;
  maxRssMb: number;
  resources: number;
  findings: number;
  rules: number;
  frameworks: number;
  requirements: number;
  byStatus: Record<string, number>;
  outputBytes: number;
}

function scanInChild(planPath: string, mode: 'json' | 'none'): ChildResult & { wallMs: number } {
  const child = join(__dirname, 'compliance', 'scan-plan-child.js');
  const started = performance.now();
  const out = execFileSync(process.execPath, [child, planPath, mode], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  return { ...(JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult), wallMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

type Run = ChildResult & { wallMs: number };

function measure(dir: string, count: number, mode: 'json' | 'none'): { runs: Run[]; rulesCovered: number; mb: number } {
  const { plan, rulesCovered } = fixturePlan(count);
  const path = join(dir, `plan-${count}.json`);
  const text = JSON.stringify(plan);
  writeFileSync(path, text);
  log(`scanning a ${fmtInt(count)}-resource plan (${(text.length / 1024 / 1024).toFixed(1)} MB, fixtures of ${rulesCovered} resource rules) ${RUNS} times${mode === 'json' ? ' with the JSON report' : ''}, each in a fresh process`);
  return { runs: Array.from({ length: RUNS }, () => scanInChild(path, mode)), rulesCovered, mb: text.length / 1024 / 1024 };
}

function main(): void {
  const scale = Number(process.env.CW_BENCH_SCALE ?? '1');
  const large = Math.round(10_000 * scale);
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-compliance-'));
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const big = measure(dir, large, 'none');
    const bigJson = measure(dir, large, 'json');
    const small = measure(dir, 50, 'json');
    const last = bigJson.runs[bigJson.runs.length - 1];
    const scanMs = median(big.runs.map((r) => r.scanMs));
    const scanRss = Math.max(...big.runs.map((r) => r.maxRssMb));
    const smallTotal = median(small.runs.map((r) => r.totalMs));
    figures.push(
      { name: `${fmtInt(large)}-resource plan: read + parse + every rule + every framework scored`, value: `${fmtMs(scanMs)} ms`, target: `< ${fmtInt(TARGET_LARGE_MS)} ms`, pass: scanMs < TARGET_LARGE_MS, note: `median of ${RUNS} fresh processes; worst ${fmtMs(Math.max(...big.runs.map((r) => r.scanMs)))} ms` },
      { name: `  peak RSS of that process`, value: `${scanRss.toFixed(0)} MB`, target: `< ${TARGET_RSS_MB} MB`, pass: scanRss < TARGET_RSS_MB },
      { name: `  process wall time incl. Node start and module load`, value: `${fmtMs(median(big.runs.map((r) => r.wallMs)))} ms` },
      { name: `${fmtInt(large)}-resource plan as \`compliance scan --output json\` (failing findings listed)`, value: `${fmtMs(median(bigJson.runs.map((r) => r.totalMs)))} ms`, note: `JSON render ${fmtMs(median(bigJson.runs.map((r) => r.renderMs)))} ms, ${((last?.outputBytes ?? 0) / 1024 / 1024).toFixed(0)} MB` },
      { name: `  peak RSS with the JSON report`, value: `${Math.max(...bigJson.runs.map((r) => r.maxRssMb)).toFixed(0)} MB` },
      { name: '50-resource plan: read + parse + every rule + every framework + JSON report', value: `${fmtMs(smallTotal)} ms`, target: `< ${fmtInt(TARGET_SMALL_MS)} ms`, pass: smallTotal < TARGET_SMALL_MS, note: `median of ${RUNS} fresh processes` },
      { name: '  50-resource process wall time incl. Node start and module load', value: `${fmtMs(median(small.runs.map((r) => r.wallMs)))} ms` },
    );
    if (last) {
      notes.push(
        `The large plan (${big.mb.toFixed(1)} MB) repeats the pass/fail/unknown fixtures of all ${big.rulesCovered} resource rules with their companion resources; ` +
          `${last.rules} rules and ${last.frameworks} frameworks (${fmtInt(last.requirements)} requirements) were evaluated; ` +
          `${fmtInt(last.findings)} findings listed; verdicts: ${Object.entries(last.byStatus).map(([s, n]) => `${s} ${fmtInt(n)}`).join(', ')}; JSON report ${(last.outputBytes / 1024 / 1024).toFixed(1)} MB.`,
      );
    }
    notes.push(
      'The targets apply to the evaluation (every rule on every resource, every framework scored), timed inside a fresh process from reading the file; the wall time adds Node start-up and loading the rule and framework modules. ' +
        'The JSON report is measured separately: this plan is built from failing fixtures, so it yields tens of thousands of findings, each listing the framework requirements it maps to — the report, not the evaluation, dominates time and memory there.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(figures);
  const machine = describeMachine(undefined, 'PostgreSQL not used');
  const docs = join(findRepoRoot(__dirname), 'docs/benchmarks.md');
  writeSection(docs, benchSection('compliance', `\`CW_BENCH_SCALE=${scale}\``, machine, figures, notes));
  log(`wrote the compliance section of ${docs}`);
}

main();

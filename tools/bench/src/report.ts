import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  name: string;
  value: string;
  target?: string;
  /** undefined: informational. */
  pass?: boolean;
  note?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  natsServer: string;
  postgres: string;
}

export function describeMachine(connectedNats: string | undefined, postgresVersion: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  let binary = 'not installed';
  try {
    binary = execFileSync('nats-server', ['--version'], { encoding: 'utf8', timeout: 5000 }).trim().replace(/^nats-server:\s*/, '');
  } catch {
    // keep "not installed"
  }
  const natsServer = connectedNats ? `${binary} (connected server reports ${connectedNats})` : binary;
  return { cpu, cores: cpus().length, ramGb: totalmem() / 1024 ** 3, node: process.version, natsServer, postgres: postgresVersion };
}

const status = (f: Figure): string => (f.pass === undefined ? '' : f.pass ? 'PASS' : '**FAIL**');

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.name, f.value, f.target ?? '', f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'target', ''][i].length));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(['figure', 'value', 'target', '']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const HEADER = `# Benchmarks

The figures below are written by the bench scripts in \`tools/bench\` (each script replaces only its own section;
run it again to refresh them). They are measurements of one run on the machine named in the section, not
guarantees; compare figures only within one run (each section measures its own baseline).
`;

export function busSection(machine: Machine, figures: Figure[], notes: string[], scale: number): string {
  return benchSection('bus', `\`CW_BENCH_SCALE=${scale}\``, machine, figures, notes);
}

/** A `## <name> (npm run bench:<name>)` section: run date, machine, figures against targets, notes. */
export function benchSection(name: string, runDetail: string, machine: Machine, figures: Figure[], notes: string[]): string {
  const date = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const lines = [
    `## ${name} (npm run bench:${name})`,
    '',
    `Run ${date}${runDetail ? `, ${runDetail}` : ''}.`,
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGb.toFixed(1)} GB`,
    `- Node ${machine.node}; nats-server ${machine.natsServer}`,
    `- ${machine.postgres}`,
    '',
    '| Figure | Value | Target | Result |',
    '| --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.name}${f.note ? ` (${f.note})` : ''} | ${f.value} | ${f.target ?? ''} | ${status(f)} |`),
    '',
    ...(notes.length ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ];
  return lines.join('\n');
}

/** Writes `section` into the markdown file, replacing the section with the same `## ` heading (others are kept). */
export function writeSection(file: string, section: string): void {
  const heading = section.split('\n', 1)[0];
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  if (!text.trim()) text = HEADER;
  const start = text.indexOf(`${heading}\n`);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + heading.length);
    text = text.slice(0, start) + section.trimEnd() + '\n' + (next >= 0 ? text.slice(next) : '');
  } else {
    text = text.trimEnd() + '\n\n' + section.trimEnd() + '\n';
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.replace(/\n{3,}/g, '\n\n'));
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PlanParseError } from '@cloudwright/terraform-plan';
import {
  BUILTIN_FRAMEWORKS,
  BUILTIN_RULES,
  REPORT_FORMATS,
  SEVERITIES,
  StackFileError,
  UnknownFrameworkError,
  WaiverFileError,
  atOrAbove,
  generateComplianceDocs,
  isReportFormat,
  parseStackFile,
  parseWaiverFile,
  renderReport,
  ruleSetVersion,
  scanPlanText,
  type Severity,
  type StackContext,
} from '@cloudwright/compliance';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';

const USAGE = `usage:
  cloudwright compliance scan --plan <plan.json> [--framework <name> ...] [--waivers <waivers.yml>]
                              [--stack-file <stack.yml>] [--include-passed]
                              [--output table|json|sarif|junit|html|csv] [--output-file <path>]
                              [--fail-on critical|high|medium|low|info|none]
  cloudwright compliance rules [--cloud aws|azure|gcp] [--output table|json]
  cloudwright compliance frameworks [--output table|json]
  cloudwright compliance docs [--out <dir>] [--check]

scan evaluates a Terraform plan (terraform show -json <planfile>) locally against the built-in rules and scores it
against the framework mappings (every framework unless --framework is given; ids or aliases, repeatable). Values
known only after apply are reported as unknown, never failed. --waivers mutes accepted findings (they stay listed as
muted); expired waivers stop applying. --stack-file supplies what a plan cannot show (stack, environment, evidence for
process rules, required tag keys, allowed regions, approved images).
Exit codes: 0 no unwaived failing finding at or above --fail-on (default low), 2 such findings remain,
1 usage error or unreadable/invalid input (plan, waiver or stack file, unknown framework).`;

export interface ComplianceRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** `cloudwright compliance …` as a function (the command prints what this returns). */
export function runCompliance(argv: string[], env: { user?: string; now?: () => Date } = {}): ComplianceRun {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') return { exitCode: sub ? 0 : 1, stdout: sub ? `${USAGE}\n` : '', stderr: sub ? '' : `${USAGE}\n` };
  try {
    if (sub === 'scan') return scan(rest, env);
    if (sub === 'rules') return listRules(rest);
    if (sub === 'frameworks') return listFrameworks(rest);
    if (sub === 'docs') return docs(rest);
    throw new UsageError(`unknown subcommand "${sub}"`);
  } catch (err) {
    if (err instanceof UsageError) return { exitCode: 1, stdout: '', stderr: `cloudwright compliance: ${err.message}\n\n${USAGE}\n` };
    if (err instanceof PlanParseError || err instanceof WaiverFileError || err instanceof StackFileError || err instanceof UnknownFrameworkError) {
      return { exitCode: 1, stdout: '', stderr: `cloudwright compliance: ${err.message}\n` };
    }
    throw err;
  }
}

function scan(args: string[], env: { user?: string; now?: () => Date }): ComplianceRun {
  const { values } = parse(args, {
    plan: { type: 'string' },
    framework: { type: 'string', multiple: true },
    waivers: { type: 'string' },
    'stack-file': { type: 'string' },
    'include-passed': { type: 'boolean', default: false },
    output: { type: 'string', default: 'table' },
    'output-file': { type: 'string' },
    'fail-on': { type: 'string', default: 'low' },
  });
  const planPath = values.plan as string | undefined;
  if (!planPath) throw new UsageError('--plan <plan.json> is required (the output of terraform show -json <planfile>)');
  const output = String(values.output);
  if (!isReportFormat(output)) throw new UsageError(`--output must be one of ${REPORT_FORMATS.join(', ')} (got "${output}")`);
  const failOn = String(values['fail-on']);
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none (got "${failOn}")`);
  }
  const waiversPath = values.waivers as string | undefined;
  const waivers = waiversPath ? parseWaiverFile(readText(waiversPath, 'waiver file'), waiversPath) : [];
  const stackPath = values['stack-file'] as string | undefined;
  const stack: StackContext = stackPath ? parseStackFile(readText(stackPath, 'stack file'), stackPath) : {};
  const planText = readText(planPath, 'plan');
  let report;
  try {
    report = scanPlanText(planText, planPath, {
      frameworks: values.framework as string[] | undefined,
      stack,
      waivers,
      ...(waiversPath ? { waiverSource: waiversPath } : {}),
      includePassed: values['include-passed'] === true,
      scannedBy: env.user ?? 'cli',
      ...(env.now ? { now: env.now } : {}),
    });
  } catch (err) {
    if (err instanceof PlanParseError) throw new PlanParseError(err.path, `${err.reason} (in ${planPath})`);
    throw err;
  }
  const rendered = renderReport(output, report, BUILTIN_RULES);
  const failing = failOn === 'none' ? [] : report.findings.filter((f) => f.status === 'fail' && atOrAbove(f.severity, failOn as Severity));
  const outFile = values['output-file'] as string | undefined;
  let stdout = rendered.endsWith('\n') ? rendered : `${rendered}\n`;
  if (outFile) {
    writeFileSync(outFile, stdout);
    stdout = `wrote ${outFile} (${output})\n`;
  }
  const stderr =
    failing.length > 0 ? `cloudwright compliance: ${failing.length} unwaived failing finding(s) at or above ${failOn}\n` : '';
  return { exitCode: failing.length > 0 ? 2 : 0, stdout, stderr };
}

function listRules(args: string[]): ComplianceRun {
  const { values } = parse(args, { cloud: { type: 'string' }, output: { type: 'string', default: 'table' } });
  const cloud = values.cloud as string | undefined;
  if (cloud && !['aws', 'azure', 'gcp'].includes(cloud)) throw new UsageError(`--cloud must be aws, azure or gcp (got "${cloud}")`);
  const rules = BUILTIN_RULES.filter((r) => !cloud || r.clouds.includes(cloud as 'aws'));
  if (values.output === 'json') {
    const data = rules.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      severity: r.severity,
      scope: r.scope,
      clouds: r.clouds,
      resourceTypes: r.scope === 'resource' ? r.resourceTypes : [],
      controls: r.controls,
    }));
    return { exitCode: 0, stdout: `${JSON.stringify(data, null, 2)}\n`, stderr: '' };
  }
  const lines = rules.map((r) => `${r.id.padEnd(12)} ${r.severity.padEnd(8)} ${r.category.padEnd(22)} ${r.title}`);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n${rules.length} rules (rule set ${ruleSetVersion()})\n`, stderr: '' };
}

function listFrameworks(args: string[]): ComplianceRun {
  const { values } = parse(args, { output: { type: 'string', default: 'table' } });
  if (values.output === 'json') {
    const data = BUILTIN_FRAMEWORKS.map((f) => ({ id: f.id, name: f.name, version: f.version, aliases: f.aliases ?? [], requirements: f.requirements.length }));
    return { exitCode: 0, stdout: `${JSON.stringify(data, null, 2)}\n`, stderr: '' };
  }
  const width = Math.max(...BUILTIN_FRAMEWORKS.map((f) => f.id.length));
  const lines = BUILTIN_FRAMEWORKS.map(
    (f) => `${f.id.padEnd(width)}  ${`${f.name} ${f.version}`}  (${f.requirements.length} requirements${f.aliases?.length ? `; also ${f.aliases.join(', ')}` : ''})`,
  );
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** Writes the generated rule and framework reference; `--check` compares instead and fails on drift. */
function docs(args: string[]): ComplianceRun {
  const { values } = parse(args, { out: { type: 'string', default: 'docs/compliance' }, check: { type: 'boolean', default: false } });
  const dir = String(values.out);
  const files = generateComplianceDocs();
  if (values.check === true) {
    const stale: string[] = [];
    for (const [name, content] of files) {
      let current: string | undefined;
      try {
        current = readFileSync(join(dir, name), 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== content) stale.push(join(dir, name));
    }
    if (stale.length > 0) {
      return {
        exitCode: 1,
        stdout: '',
        stderr: `cloudwright compliance: generated docs are stale: ${stale.join(', ')}\nrun \`npm run build && npm run compliance:docs\` and commit the result\n`,
      };
    }
    return { exitCode: 0, stdout: `compliance docs up to date (${files.size} files in ${dir})\n`, stderr: '' };
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return { exitCode: 0, stdout: [...files.keys()].map((n) => `wrote   ${join(dir, n)}`).join('\n') + '\n', stderr: '' };
}

export const complianceCommand: CliCommand = {
  name: 'compliance',
  summary: 'scan a Terraform plan against the compliance rules and frameworks (table, JSON, SARIF, JUnit, HTML, CSV)',
  run(argv) {
    const result = runCompliance(argv, { user: process.env.USER ?? process.env.GITHUB_ACTOR });
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    return Promise.resolve(result.exitCode);
  },
};

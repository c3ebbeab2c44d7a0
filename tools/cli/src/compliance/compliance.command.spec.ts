import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCompliance } from './compliance.command';

const PLAN = resolve(__dirname, '__fixtures__/insecure.plan.json');
const NOW = () => new Date('2026-11-22T12:00:00Z');
const tmp = () => mkdtempSync(join(tmpdir(), 'cw-compliance-'));

describe(runCompliance.name, () => {
  it('scans a plan, prints the table and exits 2 when failing findings remain', () => {
    const run = runCompliance(['scan', '--plan', PLAN], { now: NOW });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(/aws_security_group\.bastion/);
    expect(run.stdout).toMatch(/CW-AWS-0001/);
    expect(run.stderr).toMatch(/unwaived failing finding\(s\) at or above low/);
  });

  it('prints the JSON shape of the issue, listing non-cloud resources as not applicable', () => {
    const run = runCompliance(['scan', '--plan', PLAN, '--output', 'json', '--fail-on', 'none'], { now: NOW });
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout) as {
      scores: { overall: number; frameworks: { framework: string; score: number | null; passed: number; failed: number; unknown: number; manual: number; notApplicable: number }[] };
      findings: { ruleId: string; status: string; address: string; frameworks: { framework: string; requirements: string[] }[]; remediation: unknown }[];
      summary: { notApplicable: { address: string }[] };
    };
    expect(Object.keys(out).slice(0, 2)).toEqual(['scores', 'findings']);
    expect(out.scores.frameworks.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(out.scores.frameworks[0] ?? {})).toEqual(expect.arrayContaining(['framework', 'score', 'passed', 'failed', 'unknown', 'manual', 'notApplicable']));
    const rds = out.findings.find((f) => f.ruleId === 'CW-AWS-0001');
    expect(rds).toMatchObject({ status: 'fail', address: 'aws_db_instance.orders' });
    expect(rds?.frameworks.length).toBeGreaterThan(0);
    expect(out.summary.notApplicable.map((r) => r.address)).toContain('random_password.db');
  });

  it('exits 2 with --fail-on critical while a critical finding remains', () => {
    const critical = runCompliance(['scan', '--plan', PLAN, '--output', 'json', '--fail-on', 'critical'], { now: NOW });
    const findings = (JSON.parse(critical.stdout) as { findings: { status: string; severity: string }[] }).findings;
    const hasCritical = findings.some((f) => f.status === 'fail' && f.severity === 'critical');
    expect(hasCritical).toBe(true);
    expect(critical.exitCode).toBe(2);
  });

  it('mutes waived findings and stops failing once every failing finding is waived', () => {
    const dir = tmp();
    const waivers = join(dir, 'waivers.yml');
    writeFileSync(waivers, 'waivers:\n  - id: all\n    resource: "*"\n    reason: accepted for the test\n    owner: qa\n    expires: 2026-12-31\n');
    const run = runCompliance(['scan', '--plan', PLAN, '--waivers', waivers, '--output', 'json'], { now: NOW });
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout) as { findings: { status: string }[] };
    expect(out.findings.some((f) => f.status === 'muted')).toBe(true);
    expect(out.findings.some((f) => f.status === 'fail')).toBe(false);
  });

  it('writes SARIF, JUnit, HTML and CSV reports to a file', () => {
    const dir = tmp();
    for (const format of ['sarif', 'junit', 'html', 'csv']) {
      const file = join(dir, `report.${format}`);
      const run = runCompliance(['scan', '--plan', PLAN, '--output', format, '--output-file', file], { now: NOW });
      expect(run.stdout).toBe(`wrote ${file} (${format})\n`);
      expect(readFileSync(file, 'utf8')).toContain('aws_security_group.bastion');
    }
  });

  it.each<[string, string[], RegExp]>([
    ['a missing --plan', ['scan'], /--plan <plan.json> is required/],
    ['an unknown output', ['scan', '--plan', PLAN, '--output', 'pdf'], /--output must be one of table, json, sarif, junit, html, csv/],
    ['an unknown --fail-on', ['scan', '--plan', PLAN, '--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low, info, none/],
    ['an unknown framework', ['scan', '--plan', PLAN, '--framework', 'sox'], /unknown framework "sox"; valid names: .*pci-dss-4\.0/],
    ['an unreadable plan', ['scan', '--plan', '/nonexistent/plan.json'], /cannot read the plan \/nonexistent\/plan\.json: ENOENT/],
    ['an unknown subcommand', ['audit'], /unknown subcommand "audit"/],
  ])('exits 1 on %s', (_case, argv, message) => {
    const run = runCompliance(argv, { now: NOW });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('reports a malformed plan with its JSON path and an invalid waiver file with its line', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format_version: '1.2', resource_changes: 'x' }));
    const planRun = runCompliance(['scan', '--plan', bad]);
    expect(planRun.exitCode).toBe(1);
    expect(planRun.stderr).toMatch(/\$\.resource_changes: .*\(in .*bad\.json\)/);
    const waivers = join(dir, 'w.yml');
    writeFileSync(waivers, 'waivers:\n  - id: x\n    rule: CW-AWS-0001\n    owner: me\n    reason: r\n    expires: soon\n');
    const waiverRun = runCompliance(['scan', '--plan', PLAN, '--waivers', waivers]);
    expect(waiverRun.exitCode).toBe(1);
    expect(waiverRun.stderr).toContain(`${waivers}:6:14: waivers[0].expires: expected a date YYYY-MM-DD, got "soon"`);
  });

  it('answers evidence rules from a stack file', () => {
    const dir = tmp();
    const stack = join(dir, 'stack.yml');
    writeFileSync(stack, 'stack: shop\nenvironment: prod\nevidence:\n  runbooks: { value: true, source: wiki }\n');
    const run = runCompliance(['scan', '--plan', PLAN, '--stack-file', stack, '--output', 'json', '--include-passed', '--fail-on', 'none']);
    const out = JSON.parse(run.stdout) as { findings: { status: string; found?: string }[]; audit: { stack: string; environment: string } };
    expect(out.audit).toMatchObject({ stack: 'shop', environment: 'prod' });
    expect(out.findings.some((f) => f.status === 'pass' && f.found?.startsWith('evidence "runbooks" = true'))).toBe(true);
  });

  it('lists rules and frameworks', () => {
    const rules = runCompliance(['rules', '--output', 'json']);
    expect((JSON.parse(rules.stdout) as unknown[]).length).toBeGreaterThanOrEqual(150);
    const frameworks = runCompliance(['frameworks']);
    expect(frameworks.stdout).toMatch(/pci-dss-4\.0/);
  });
});

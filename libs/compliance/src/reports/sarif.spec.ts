import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Finding, ScanReport } from '../scan/report';
import { HOSTILE_ADDRESS, makeReport, makeRules } from './__tests__/report-factory';
import { artifactUri, fingerprint, toSarif } from './sarif';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; index?: number }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string; properties?: Record<string, string> }[];
  properties: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { category: string; severity: string; tags: string[]; 'security-severity': string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean; startTimeUtc?: string; endTimeUtc?: string; toolConfigurationNotifications?: { message: { text: string } }[] }[];
    artifacts?: { location: { uri: string }; hashes: Record<string, string> }[];
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}

/**
 * The OASIS SARIF 2.1.0 schema (final RTM 5 text, as published on SchemaStore) shipped by @microsoft/jest-sarif. It is
 * written in draft-04 style (`id` instead of `$id`), which is the only draft-04 feature it uses: renaming that keyword
 * lets Ajv's default draft-07 class compile it unchanged otherwise.
 */
function sarifValidator() {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: the published `language` pattern has a stray `]` (fixed in the later errata), a syntax error
  // for a `u`-flag regex but a literal in a plain one, as JSON Schema validators of its time read it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}
const validate = sarifValidator();

function render(report: ScanReport = makeReport(), options: { toolVersion: string; informationUri?: string } = { toolVersion: '1.2.3', informationUri: 'https://example.test/cloudwright' }) {
  const text = toSarif(report, makeRules(), options);
  return { text, log: JSON.parse(text) as SarifLog };
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('toSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    expectValid(render().log);
  });

  it('the schema check is real: it rejects a broken log', () => {
    const { log } = render();
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = 'catastrophic';
    expect(validate(broken)).toBe(false);
  });

  it('writes one run of cloudwright-compliance with the schema URI, version and tool information', () => {
    const { log } = render();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'cloudwright-compliance', version: '1.2.3', informationUri: 'https://example.test/cloudwright' });
    expect(render(makeReport(), { toolVersion: '1.2.3' }).log.runs[0].tool.driver.informationUri).toBeUndefined();
  });

  it('describes only the rules that appear in results, with help, severity and tags', () => {
    const { log } = render();
    const { rules } = log.runs[0].tool.driver;
    const reported = makeReport().findings.filter((f) => f.status !== 'not-applicable');
    expect(rules.map((r) => r.id)).toEqual([...new Set(reported.map((f) => f.ruleId))].sort());
    expect(rules.map((r) => r.id)).not.toContain('CW-AWS-0500');

    const rds = rules.find((r) => r.id === 'CW-AWS-0001');
    expect(rds).toMatchObject({
      name: 'RDSInstancesAreEncryptedAtRest',
      shortDescription: { text: 'RDS instances are encrypted at rest' },
      fullDescription: { text: 'Why CW-AWS-0001 matters.' },
      helpUri: 'https://docs.example.test/CW-AWS-0001',
      defaultConfiguration: { level: 'error' },
      properties: { category: 'encryption-at-rest', severity: 'high', 'security-severity': '8.0' },
    });
    expect(rds?.properties.tags).toEqual(expect.arrayContaining(['security', 'encryption-at-rest', 'aws']));
    expect(rds?.help.text).toContain('Set storage_encrypted = true.');
    // the snippet holds a ``` run: the fence must be longer
    expect(rds?.help.markdown).toContain('````hcl\nstorage_encrypted = true\n# ``` fence inside\n````');

    const azure = rules.find((r) => r.id === 'CW-AZ-0001');
    expect(azure?.help.markdown).toContain("```bicep\nminimumTlsVersion: 'TLS1_2'\n```");
    expect(azure?.defaultConfiguration.level).toBe('warning');

    const severities = Object.fromEntries(rules.map((r) => [r.properties.severity, r.properties['security-severity']]));
    expect(severities).toEqual({ critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' });
    // a reference that is not an http(s) URL is no helpUri; cost rules are not tagged security
    const cost = rules.find((r) => r.id === 'CW-GEN-0002');
    expect(cost?.helpUri).toBeUndefined();
    expect(cost?.properties.tags).not.toContain('security');
  });

  it('points every result at its rule descriptor', () => {
    const { log } = render();
    const run = log.runs[0];
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('maps statuses to kind and level', () => {
    const { log } = render();
    const results = log.runs[0].results;
    const of = (address: string, ruleId?: string) => results.filter((r) => r.locations[0].logicalLocations[0].fullyQualifiedName === address && (!ruleId || r.ruleId === ruleId));
    expect(of('aws_security_group.admin')[0]).toMatchObject({ kind: 'fail', level: 'error' });
    expect(of(HOSTILE_ADDRESS)[0]).toMatchObject({ kind: 'fail', level: 'error' });
    expect(of('azurerm_storage_account.main')[0]).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(of('aws_instance.web')[0]).toMatchObject({ kind: 'fail', level: 'note' });
    expect(of('aws_instance.legacy')[0]).toMatchObject({ kind: 'fail', level: 'note' });
    expect(of('google_storage_bucket.logs')[0]).toMatchObject({ kind: 'open', level: 'none' });
    expect(of('(stack)')[0]).toMatchObject({ kind: 'review', level: 'none' });
    expect(of('aws_lb.front')[0]).toMatchObject({ kind: 'pass', level: 'none' });
    expect(of('aws_lb.internal_nlb')).toEqual([]);
    expect(results).toHaveLength(makeReport().findings.length - 1);
  });

  it('writes muted findings as suppressed results carrying the waiver', () => {
    const { log } = render();
    const results = log.runs[0].results;
    const muted = results.filter((r) => r.suppressions);
    expect(muted).toHaveLength(1);
    expect(muted[0]).toMatchObject({ ruleId: 'CW-AWS-0003', kind: 'fail', level: 'error', properties: { status: 'muted' } });
    expect(muted[0].suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Public website bucket, approved by "security" & <legal>',
        properties: { waiverId: 'W-7', owner: 'web-team@example.com', expires: '2099-12-31' },
      },
    ]);
  });

  it('leaves passed results out when the report has none', () => {
    const report = makeReport();
    const { log } = render({ ...report, findings: report.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable') });
    expect(log.runs[0].results.some((r) => r.kind === 'pass')).toBe(false);
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).not.toContain('CW-AWS-0004');
    expectValid(log);
  });

  it('locates results in the plan file and at the resource address', () => {
    const { log } = render();
    const run = log.runs[0];
    const result = run.results.find((r) => r.ruleId === 'CW-AWS-0001');
    expect(result?.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plans/prod%20plan.json', index: 0 }, region: { startLine: 1 } });
    expect(result?.locations[0].logicalLocations).toEqual([{ name: HOSTILE_ADDRESS, fullyQualifiedName: HOSTILE_ADDRESS, kind: 'resource' }]);
    expect(run.artifacts).toEqual([{ location: { uri: 'plans/prod%20plan.json' }, roles: ['analysisTarget'], hashes: { 'sha-256': 'a'.repeat(64) } }]);
    expect(result?.properties).toMatchObject({ found: 'storage_encrypted = false', expected: 'storage_encrypted = true', status: 'fail' });
  });

  it('fingerprints rule and address stably', () => {
    const a = render().log.runs[0].results;
    const b = render(makeReport({ audit: { ...makeReport().audit, scanId: 'other', scannedAt: '2030-01-01T00:00:00.000Z' } })).log.runs[0].results;
    expect(a.map((r) => r.partialFingerprints)).toEqual(b.map((r) => r.partialFingerprints));
    const prints = a.map((r) => r.partialFingerprints['cloudwrightFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints[0]).toBe(fingerprint('CW-AWS-0002', 'aws_security_group.admin'));
    expect(prints[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records the invocation from the audit trail', () => {
    const { log } = render();
    const [invocation] = log.runs[0].invocations;
    expect(invocation).toMatchObject({ executionSuccessful: true, startTimeUtc: '2025-03-04T10:20:30.000Z', endTimeUtc: '2025-03-04T10:20:31.234Z' });
    expect(invocation.toolConfigurationNotifications?.[0].message.text).toContain('W-3');
    expect(log.runs[0].properties).toMatchObject({ scanId: '7b0e1c52-3f0a-4d5e-9a61-1f2d3c4b5a69', ruleSetVersion: 'cloudwright-builtin@1.0.0+abcdef123456' });
  });

  it('describes a rule missing from the rule list from its finding', () => {
    const report = makeReport();
    const custom: Finding = { ...report.findings[0], ruleId: 'CUSTOM-1', title: 'A custom policy' };
    const { log } = render({ ...report, findings: [custom] });
    expect(log.runs[0].tool.driver.rules).toHaveLength(1);
    expect(log.runs[0].tool.driver.rules[0]).toMatchObject({ id: 'CUSTOM-1', name: 'ACustomPolicy', shortDescription: { text: 'A custom policy' } });
    expectValid(log);
  });

  it('stays valid for an empty scan without a source hash or a parsable time', () => {
    const report = makeReport();
    const { log } = render({
      ...report,
      findings: [],
      audit: { ...report.audit, scannedAt: 'not a time', source: { kind: 'inventory', name: 'inventory' }, waivers: { applied: 0, expired: [] } },
    });
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].startTimeUtc).toBeUndefined();
    expectValid(log);
  });

  it('turns file names into URI references', () => {
    expect(artifactUri('plan.json')).toBe('plan.json');
    expect(artifactUri('envs/prod/tf plan#1.json')).toBe('envs/prod/tf%20plan%231.json');
    expect(artifactUri('C:\\work\\plan.json')).toBe('file:///C:/work/plan.json');
    expect(artifactUri('s3://bucket/plans/plan 1.json')).toBe('s3://bucket/plans/plan%201.json');
    expect(artifactUri('/abs/plan.json')).toBe('/abs/plan.json');
  });
});

import type { EvidenceRule, FindingStatus, ResourceRule, Rule, Severity } from '../../model';
import { pass } from '../../rules/common/checks';
import type { Finding, FrameworkScore, ScanReport } from '../../scan/report';

/** An address a user plan could hold: markup, both quote kinds. */
export const HOSTILE_ADDRESS = `aws_db_instance.db["<script>alert("x")</script>'"]`;
/** A found value with commas, a newline and a spreadsheet formula. */
export const HOSTILE_FOUND = '=cmd|\' /C calc\'!A0, min_tls_version = "TLS1_0",\nsecond line';
/** Control characters: an ANSI escape and a NUL, invalid in XML 1.0 and dangerous in terminals. */
export const CONTROL_FOUND = 'tags = {"team" = "\u001b[31mred\u0000"}';

const noFixtures = { pass: [], fail: [] };

function resourceRule(id: string, severity: Severity, category: ResourceRule['category'], extra: Partial<ResourceRule> = {}): ResourceRule {
  return {
    id,
    scope: 'resource',
    title: `Rule ${id} title`,
    description: `Why ${id} matters.`,
    category,
    severity,
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['ear.object-storage'],
    check: () => pass(),
    remediation: { text: `Fix ${id}.`, terraform: 'storage_encrypted = true', effort: 'low' },
    references: [`https://docs.example.test/${id}`],
    fixtures: noFixtures,
    ...extra,
  };
}

/** Rules for every finding of the factory report, plus one the report never uses (CW-AWS-0500). */
export function makeRules(): Rule[] {
  const evidence: EvidenceRule = {
    id: 'CW-EV-0001',
    scope: 'evidence',
    title: 'Runbooks exist for the stack',
    description: 'Operators need runbooks.',
    category: 'reliability',
    severity: 'medium',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['ev.runbooks'],
    remediation: { text: 'Write runbooks and record where they are.', terraform: '# evidence: runbooks = true', effort: 'medium' },
    references: [],
    evidence: { key: 'runbooks', asks: 'Do runbooks exist?' },
  };
  return [
    resourceRule('CW-AWS-0002', 'critical', 'network-exposure', {
      title: 'Security groups do not open SSH to the internet',
      controls: ['net.admin-ports'],
      resourceTypes: ['aws_security_group'],
      remediation: { text: 'Restrict SSH to a bastion CIDR.', terraform: 'cidr_blocks = ["10.0.0.0/8"]', effort: 'low' },
    }),
    resourceRule('CW-AWS-0001', 'high', 'encryption-at-rest', {
      title: 'RDS instances are encrypted at rest',
      controls: ['ear.database'],
      resourceTypes: ['aws_db_instance'],
      remediation: { text: 'Set storage_encrypted = true.', terraform: 'storage_encrypted = true\n# ``` fence inside', effort: 'medium' },
    }),
    resourceRule('CW-AZ-0001', 'medium', 'encryption-in-transit', {
      title: 'Storage accounts require TLS 1.2',
      clouds: ['azure'],
      controls: ['eit.min-tls'],
      resourceTypes: ['azurerm_storage_account'],
      remediation: { text: 'Set min_tls_version = "TLS1_2".', terraform: 'min_tls_version = "TLS1_2"', bicep: "minimumTlsVersion: 'TLS1_2'", effort: 'low' },
      references: ['https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version'],
    }),
    resourceRule('CW-GCP-0001', 'low', 'logging-monitoring', { title: 'Buckets log access', clouds: ['gcp'], controls: ['log.storage-access'] }),
    resourceRule('CW-AWS-0003', 'high', 'public-access', { title: 'Buckets block public access', controls: ['pub.object-storage'] }),
    resourceRule('CW-GEN-0001', 'low', 'tagging', { title: 'Resources carry an owner tag', controls: ['tag.owner'] }),
    resourceRule('CW-GEN-0002', 'info', 'cost', { title: 'Instances use current generation types', controls: ['cost.current-generation'], references: ['javascript:alert(1)'] }),
    resourceRule('CW-AWS-0004', 'low', 'logging-monitoring', { title: 'Load balancers log access', controls: ['log.load-balancer'] }),
    resourceRule('CW-AWS-0500', 'medium', 'encryption-at-rest', { title: 'Unused rule' }),
    evidence,
  ];
}

function finding(rule: Rule, status: FindingStatus, address: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    status,
    address,
    resourceType: rule.scope === 'resource' ? address.split('.')[0] : null,
    cloud: rule.clouds.length === 1 ? rule.clouds[0] : null,
    region: rule.scope === 'resource' ? 'eu-west-1' : null,
    frameworks: [{ framework: 'cis-aws-foundations', requirements: ['2.3.1', '5.2'] }, { framework: 'pci-dss-4.0', requirements: ['3.5.1'] }],
    message: `${address} ${status} "${rule.title}"`,
    remediation: rule.remediation,
    references: rule.references,
    ...extra,
  };
}

const STATUSES: readonly FindingStatus[] = ['pass', 'fail', 'unknown', 'not-applicable', 'manual', 'muted'];

/** A scan report with findings of every status and every severity, hostile addresses and values included. */
export function makeReport(overrides: Partial<ScanReport> = {}): ScanReport {
  const rules = new Map(makeRules().map((r) => [r.id, r]));
  const rule = (id: string): Rule => {
    const r = rules.get(id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };
  const findings: Finding[] = [
    finding(rule('CW-AWS-0002'), 'fail', 'aws_security_group.admin', { found: 'ingress 0.0.0.0/0 port 22', expected: 'no SSH from 0.0.0.0/0', attribute: 'ingress' }),
    finding(rule('CW-AWS-0001'), 'fail', HOSTILE_ADDRESS, { found: 'storage_encrypted = false', expected: 'storage_encrypted = true', attribute: 'storage_encrypted' }),
    finding(rule('CW-AWS-0001'), 'fail', 'aws_db_instance.replica', { found: 'storage_encrypted = false', expected: 'storage_encrypted = true' }),
    finding(rule('CW-AZ-0001'), 'fail', 'azurerm_storage_account.main', { found: HOSTILE_FOUND, expected: 'min_tls_version = "TLS1_2"', cloud: 'azure', region: 'westeurope' }),
    finding(rule('CW-GEN-0001'), 'fail', 'aws_instance.web', { found: CONTROL_FOUND, expected: 'tag owner set' }),
    finding(rule('CW-GEN-0002'), 'fail', 'aws_instance.legacy', { found: 'instance_type = "-m4.large"', expected: 'a current generation type' }),
    finding(rule('CW-GCP-0001'), 'unknown', 'google_storage_bucket.logs', { found: 'logging known after apply', expected: 'logging.log_bucket set', cloud: 'gcp', region: 'europe-west1' }),
    finding(rule('CW-EV-0001'), 'manual', '(stack)', { message: '"Runbooks exist for the stack" needs evidence: Do runbooks exist?', frameworks: [] }),
    finding(rule('CW-AWS-0003'), 'muted', 'aws_s3_bucket.public_site', {
      found: 'block_public_acls = false',
      waiver: { id: 'W-7', reason: 'Public website bucket, approved by "security" & <legal>', owner: 'web-team@example.com', expires: '2099-12-31' },
    }),
    finding(rule('CW-AWS-0004'), 'pass', 'aws_lb.front'),
    finding(rule('CW-AWS-0004'), 'not-applicable', 'aws_lb.internal_nlb'),
  ];
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length])) as Record<FindingStatus, number>;
  const failedBySeverity = { critical: 1, high: 2, medium: 1, low: 1, info: 1 };
  const frameworks: FrameworkScore[] = [
    {
      framework: 'cis-aws-foundations',
      name: 'CIS Amazon Web Services Foundations Benchmark',
      version: '3.0.0',
      score: 62.5,
      passed: 5,
      failed: 3,
      unknown: 1,
      manual: 2,
      notApplicable: 4,
      muted: 1,
      requirements: [
        { id: '2.3.1', title: 'Ensure that encryption is enabled for RDS instances', status: 'fail', rules: ['CW-AWS-0001'], weight: 7, failedFindings: 2 },
        { id: '5.2', title: 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports', status: 'fail', rules: ['CW-AWS-0002'], weight: 10, failedFindings: 1 },
        { id: '3.1', title: 'Ensure CloudTrail is enabled in all regions', status: 'manual', rules: [], weight: 0, failedFindings: 0 },
      ],
    },
    {
      framework: 'pci-dss-4.0',
      name: 'PCI DSS',
      version: '4.0.1',
      score: null,
      passed: 0,
      failed: 0,
      unknown: 1,
      manual: 3,
      notApplicable: 0,
      muted: 0,
      requirements: [{ id: '3.5.1', title: 'PAN is rendered unreadable <anywhere> it is stored', status: 'unknown', rules: ['CW-GCP-0001'], weight: 0, failedFindings: 0 }],
    },
  ];
  return {
    schemaVersion: 1,
    scores: { overall: 58.3, frameworks },
    findings,
    summary: {
      resources: 14,
      evaluatedResources: 11,
      notApplicable: [{ address: 'null_resource.<b>bold</b>', type: 'null_resource', reason: 'null_resource is not a resource of AWS, Azure or Google Cloud' }],
      deletedResources: 1,
      dataSources: 2,
      byStatus,
      failedBySeverity,
    },
    audit: {
      scanId: '7b0e1c52-3f0a-4d5e-9a61-1f2d3c4b5a69',
      scannedAt: '2025-03-04T10:20:30.000Z',
      scannedBy: 'alice@example.com',
      ruleSetVersion: 'cloudwright-builtin@1.0.0+abcdef123456',
      rulesEvaluated: 10,
      frameworks: ['cis-aws-foundations', 'pci-dss-4.0'],
      source: {
        kind: 'terraform-plan',
        name: 'plans/prod plan.json',
        sha256: 'a'.repeat(64),
        terraformVersion: '1.9.5',
        formatVersion: '1.2',
      },
      stack: 'payments',
      environment: 'prod',
      waivers: {
        source: 'waivers.yaml',
        applied: 1,
        expired: [{ id: 'W-3', reason: 'Temporary exception', owner: 'ops@example.com', expires: '2025-01-31' }],
      },
      durationMs: 1234,
    },
    ...overrides,
  };
}

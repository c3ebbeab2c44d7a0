import { type Finding, type ScanReport } from '@cloudwright/compliance';
import { compareWorkloads } from './workload-comparison';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'CW-AWS-0003',
    title: 'rule',
    category: 'public-access',
    severity: 'critical',
    status: 'fail',
    address: 'x.y',
    resourceType: 'x',
    cloud: 'aws',
    region: null,
    frameworks: [],
    message: 'm',
    remediation: { text: 't', terraform: 'x = 1', effort: 'low' },
    references: [],
    ...overrides,
  };
}

function report(overall: number | null, findings: Finding[], frameworks: { framework: string; score: number | null }[] = []): ScanReport {
  return {
    schemaVersion: 1,
    scores: { overall, frameworks: frameworks.map((f) => ({ ...f, name: f.framework, version: '1', passed: 0, failed: 0, unknown: 0, manual: 0, notApplicable: 0, muted: 0, requirements: [] })) },
    findings,
    summary: {
      resources: findings.length,
      evaluatedResources: findings.length,
      notApplicable: [],
      deletedResources: 0,
      dataSources: 0,
      byStatus: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, manual: 0, muted: 0 },
      failedBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    },
    audit: {} as ScanReport['audit'],
  };
}

describe(compareWorkloads.name, () => {
  const aws = report(
    40,
    [
      finding({ category: 'public-access', severity: 'critical', status: 'fail' }),
      finding({ category: 'encryption-at-rest', severity: 'medium', status: 'pass' }),
      finding({ category: 'logging-monitoring', severity: 'medium', status: 'fail' }),
      finding({ category: 'tagging', severity: 'low', status: 'unknown' }),
    ],
    [{ framework: 'cis-controls-v8', score: 40 }],
  );
  const azure = report(
    80,
    [
      finding({ category: 'public-access', severity: 'critical', status: 'pass', cloud: 'azure' }),
      finding({ category: 'encryption-at-rest', severity: 'high', status: 'pass', cloud: 'azure' }),
      finding({ category: 'logging-monitoring', severity: 'low', status: 'fail', cloud: 'azure' }),
      finding({ category: 'logging-monitoring', severity: 'medium', status: 'pass', cloud: 'azure' }),
    ],
    [{ framework: 'cis-controls-v8', score: 75 }],
  );
  const gcp = report(null, [], [{ framework: 'cis-controls-v8', score: null }]);

  it('counts failing findings per severity and category for each workload', () => {
    const { workloads } = compareWorkloads({ aws, azure });
    expect(workloads[0]).toMatchObject({ label: 'aws', overall: 40, failing: { total: 2, bySeverity: { critical: 1, medium: 1, high: 0 }, byCategory: { 'public-access': 1, 'logging-monitoring': 1 } } });
    expect(workloads[1].failing).toMatchObject({ total: 1, bySeverity: { low: 1 }, byCategory: { 'logging-monitoring': 1 } });
  });

  it('marks a category as differing when one workload fails it and another passes it or is not judged', () => {
    const comparison = compareWorkloads({ aws, azure, gcp });
    const category = (name: string) => comparison.categories.find((c) => c.category === name);
    expect(category('public-access')).toEqual({
      category: 'public-access',
      status: { aws: 'fail', azure: 'pass', gcp: 'not-evaluated' },
      failing: { aws: 1, azure: 0, gcp: 0 },
      scores: { aws: 0, azure: 100, gcp: null },
      differs: true,
    });
    expect(category('logging-monitoring')).toMatchObject({ status: { aws: 'fail', azure: 'fail' }, scores: { aws: 0, azure: 66.7 } });
    expect(category('tagging')).toBeUndefined();
    expect(comparison.differingCategories).toEqual(['encryption-at-rest', 'public-access', 'logging-monitoring']);
    expect(compareWorkloads({ aws, azure }).differingCategories).toEqual(['public-access']);
  });

  it('lines up framework scores with their spread and names the best workload', () => {
    expect(compareWorkloads({ aws, azure }).frameworks).toEqual([{ framework: 'cis-controls-v8', scores: { aws: 40, azure: 75 }, spread: 35 }]);
    const three = compareWorkloads({ aws, azure, gcp });
    expect(three.frameworks[0].spread).toBeNull();
    expect(three.best).toEqual(['azure']);
    expect(compareWorkloads({ a: aws, b: report(40, []) }).best).toEqual(['a', 'b']);
  });
});

import { ComplianceQuerySubjects, isDomainError, type ComplianceCompareCloudsReply } from '@cloudwright/contracts';
import { START_TIMEOUT_MS, startCompliance, type ComplianceHarness } from '../../__tests__/compliance-harness';
import { malformedPlan, workloadPlans } from '../../__tests__/plans';
import { type WorkloadComparison } from '../../compare/workload-comparison';

type Json = Record<string, unknown>;

/** One plan holding the aws workload (critical findings) and the azure one (locked down). */
function twoCloudPlan(): Json {
  const { aws, azure } = workloadPlans();
  return { ...aws, resource_changes: [...(aws.resource_changes as Json[]), ...(azure.resource_changes as Json[])] };
}

describe('ComplianceQuerySubjects.CompareClouds', () => {
  let h: ComplianceHarness;

  beforeAll(async () => {
    h = await startCompliance('compare-clouds');
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
  });

  const ask = (query: unknown) => h.runtime.queryClient.request<unknown, ComplianceCompareCloudsReply>(ComplianceQuerySubjects.CompareClouds, query);

  async function errorOf(query: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
    try {
      await ask(query);
    } catch (error) {
      if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details };
      throw error;
    }
    throw new Error('the query was answered without an error');
  }

  it('scores each cloud of one plan as POST /compare scores the same resources written as separate workloads', async () => {
    const reply = await ask({ plan: { inline: twoCloudPlan() } });
    const compared = await h.http<WorkloadComparison>('POST', '/compare', { workloads: workloadPlans() });
    expect(compared.status).toBe(200);
    const overall = (label: string) => compared.body.workloads.find((w) => w.label === label)?.overall;
    expect(reply.clouds.map((c) => [c.cloud, c.resources, c.score])).toEqual([
      ['aws', 2, overall('aws')],
      ['azure', 1, overall('azure')],
    ]);
    const aws = reply.clouds[0];
    const azure = reply.clouds[1];
    expect(aws?.failing.critical).toBeGreaterThan(0);
    expect(azure?.failing.critical).toBe(0);
    expect(aws?.score ?? 100).toBeLessThan(azure?.score ?? 0);
    expect(reply.differingCategories).toEqual(compared.body.differingCategories);
  });

  it('limits the scan to the frameworks asked, and names unknown ones', async () => {
    const reply = await ask({ plan: { inline: twoCloudPlan() }, frameworks: ['cis-controls-v8'] });
    expect(reply.clouds.every((c) => c.frameworks.length === 1 && c.frameworks[0]?.framework === 'cis-controls-v8')).toBe(true);
    await expect(errorOf({ plan: { inline: twoCloudPlan() }, frameworks: ['no-such-framework'] })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', details: { unknown: ['no-such-framework'] } });
  });

  it('answers no cloud for a plan without cloud resources', async () => {
    const noCloud = { format_version: '1.2', resource_changes: [{ address: 'random_id.x', mode: 'managed', type: 'random_id', name: 'x', change: { actions: ['create'], before: null, after: {} } }] };
    await expect(ask({ plan: { inline: noCloud } })).resolves.toEqual({ clouds: [], differingCategories: [] });
  });

  it('rejects bad input with the field or JSON path named', async () => {
    await expect(errorOf({ plan: { inline: {}, ref: { uri: 'file:///x', sha256: 'a' } } })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('plan: exactly one of plan.inline') as unknown });
    await expect(errorOf({ plan: { inline: malformedPlan() } })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', details: { path: '$.resource_changes[0].change.actions' } });
    await expect(errorOf({ plan: { ref: { uri: 'file:///nonexistent/plan.json', sha256: 'a'.repeat(64) } } })).resolves.toMatchObject({ code: 'NOT_FOUND', details: { path: '$.plan.ref.uri' } });
  });
});

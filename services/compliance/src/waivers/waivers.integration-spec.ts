import { ComplianceQuerySubjects } from '@cloudwright/contracts';
import { START_TIMEOUT_MS, TEST_TOKENS, startCompliance, type ComplianceHarness } from '../__tests__/compliance-harness';
import { type WaiverDto } from './waiver.mapper';

interface ErrorBody {
  code: string;
  message: string;
  details: { errors?: { path: string; message: string }[]; file?: string; problems?: { line: number; column: number; path: string; message: string }[] };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('waivers over HTTP', () => {
  let h: ComplianceHarness;

  beforeAll(async () => {
    h = await startCompliance('waivers');
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
  });

  it('creates a waiver, lists it for its stack, and deletes it', async () => {
    const created = await h.http<WaiverDto>('POST', '/waivers', {
      id: 'legacy-assets',
      stack: 'shop',
      environment: 'prod',
      resource: 'aws_s3_bucket.assets',
      reason: 'public website bucket',
      owner: 'web-team@example.com',
      expires: day(60),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ waiverId: 'legacy-assets', stack: 'shop', environment: 'prod', resource: 'aws_s3_bucket.assets', rule: null, expired: false, source: 'api' });

    expect((await h.http<WaiverDto[]>('GET', '/waivers?stack=shop&environment=prod')).body.map((w) => w.waiverId)).toEqual(['legacy-assets']);
    expect((await h.http<WaiverDto[]>('GET', '/waivers?stack=other')).body).toEqual([]);
    const deleted = await h.http('DELETE', `/waivers/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect((await h.http('DELETE', `/waivers/${created.body.id}`)).status).toBe(404);
  });

  it('lets an approver (or admin) grant a waiver, not an operator, and answers 401 without a token', async () => {
    const waiver = { id: 'auth-check', stack: 'shop', environment: 'prod', resource: 'aws_s3_bucket.assets', reason: 'r', owner: 'o@example.com', expires: day(5) };
    const asOperator = await h.http('POST', '/waivers', waiver, { authorization: `Bearer ${TEST_TOKENS.operator}` });
    expect(asOperator).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: 'POST /waivers needs role approver or admin; token "test-operator" has role operator' } });
    expect((await h.http('POST', '/waivers', waiver, { authorization: '' })).status).toBe(401);
    const asApprover = await h.http<WaiverDto>('POST', '/waivers', waiver, { authorization: `Bearer ${TEST_TOKENS.approver}` });
    expect(asApprover.status).toBe(201);
    expect((await h.http<WaiverDto[]>('GET', '/waivers?stack=shop&environment=prod', undefined, { authorization: `Bearer ${TEST_TOKENS.viewer}` })).status).toBe(200);
    expect((await h.http('DELETE', `/waivers/${asApprover.body.id}`, undefined, { authorization: `Bearer ${TEST_TOKENS.approver}` })).status).toBe(200);
  });

  it('rejects an invalid waiver with 400 and every field error', async () => {
    const invalid = await h.http<ErrorBody>('POST', '/waivers', { id: 'x', framework: 'no-such-framework', rule: 'CW-AWS-0003', owner: '', expires: '2027-02-30', colour: 'red' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const paths = invalid.body.details.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['colour', 'reason', 'owner', 'framework', 'expires']));
    expect(invalid.body.details.errors!.find((e) => e.message.startsWith('unknown framework'))!.message).toContain('valid names:');
    expect((await h.http<ErrorBody>('POST', '/waivers', { id: 'y', rule: 'CW-NOPE-0001', reason: 'r', owner: 'o', expires: day(1) })).body.details.errors).toEqual([
      { path: 'rule', message: 'unknown rule "CW-NOPE-0001"' },
    ]);
  });

  it('imports a waiver file as YAML, and answers a file with a bad line with 400 naming the line and column', async () => {
    const good = ['waivers:', '  - id: logs-bucket', '    resource: module.logs.*', '    reason: log bucket', '    owner: ops@example.com', `    expires: ${day(30)}`, ''].join('\n');
    const imported = await h.http<{ file: string; imported: number; waivers: WaiverDto[] }>('POST', '/waivers/import?stack=shop&file=shop-waivers.yml', good, { 'content-type': 'application/yaml' });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ file: 'shop-waivers.yml', imported: 1, waivers: [{ waiverId: 'logs-bucket', stack: 'shop', environment: null, source: 'import:shop-waivers.yml' }] });

    const bad = ['waivers:', '  - id: ok', '    rule: CW-AWS-0003', '    reason: fine', '    owner: a@example.com', `    expires: ${day(30)}`, '  - id: broken', '    rule: CW-AWS-0003', '    reason: typo in the date', '    owner: a@example.com', '    expires: 2027-13-45', ''].join('\n');
    const rejected = await h.http<ErrorBody>('POST', '/waivers/import?file=waivers.yml', bad, { 'content-type': 'text/yaml' });
    expect(rejected.status).toBe(400);
    expect(rejected.body.code).toBe('VALIDATION_FAILED');
    expect(rejected.body.details.problems).toEqual([expect.objectContaining({ line: 11, column: 14, path: 'waivers[1].expires' })]);
    expect(rejected.body.message).toContain('waivers.yml:11:14: waivers[1].expires');
    // atomic: the valid waiver of the rejected file was not stored
    expect((await h.http<WaiverDto[]>('GET', '/waivers')).body.map((w) => w.waiverId)).toEqual(['logs-bucket']);

    const unknownRule = ['waivers:', '  - id: typo', '    rule: CW-AWS-9999', '    reason: r', '    owner: o', `    expires: ${day(3)}`].join('\n');
    const located = await h.http<ErrorBody>('POST', '/waivers/import', { text: unknownRule, file: 'typo.yml' });
    expect(located.status).toBe(400);
    expect(located.body.details.problems).toEqual([{ line: 3, column: 11, path: 'waivers[0].rule', message: 'unknown rule "CW-AWS-9999"' }]);
  });

  it('lists expired waivers only on request, over HTTP and over the waivers query', async () => {
    const expired = await h.http<WaiverDto>('POST', '/waivers', { id: 'old', environment: 'dev', rule: 'CW-AWS-0003', reason: 'r', owner: 'o', expires: day(-2) });
    expect(expired.status).toBe(201);
    expect(expired.body.expired).toBe(true);
    expect((await h.http<WaiverDto[]>('GET', '/waivers?environment=dev')).body.map((w) => w.waiverId)).not.toContain('old');
    expect((await h.http<WaiverDto[]>('GET', '/waivers?environment=dev&includeExpired=true')).body.map((w) => w.waiverId)).toContain('old');
    const viaQuery = await h.runtime.queryClient.request<unknown, WaiverDto[]>(ComplianceQuerySubjects.Waivers, { environment: 'dev', includeExpired: true });
    expect(viaQuery.find((w) => w.waiverId === 'old')).toMatchObject({ expired: true, rule: 'CW-AWS-0003', environment: 'dev', stack: null });
  });
});

import { ResourceValues } from '@cloudwright/terraform-plan';
import { Findings, blocksAt, hasPublicPrincipal, parsePolicyDocument, publicStatements, readPolicy } from './helpers';

describe('AWS rule helpers', () => {
  it('parses policy documents whatever the shape of Statement, Action and Principal', () => {
    const policy = parsePolicyDocument(JSON.stringify({ Statement: { Sid: 'One', Effect: 'Allow', Action: 's3:*', Resource: '*', Principal: '*' } }));
    expect(policy.state).toBe('known');
    if (policy.state !== 'known') return;
    const [s] = policy.statements;
    expect(s?.label).toBe('statement "One"');
    expect(s?.actions).toEqual(['s3:*']);
    expect(s?.principals).toEqual([{ type: '*', id: '*' }]);
    expect(s && hasPublicPrincipal(s)).toBe(true);
  });

  it('tells public principals from named ones and conditioned statements', () => {
    const doc = (statement: Record<string, unknown>) => parsePolicyDocument({ Statement: [statement] });
    expect(publicStatements(doc({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', '*'] }, Action: 'x' }))).toHaveLength(1);
    expect(publicStatements(doc({ Effect: 'Allow', Principal: { Service: '*' }, Action: 'x' }))).toHaveLength(0);
    expect(publicStatements(doc({ Effect: 'Allow', Principal: '*', Action: 'x', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }))).toHaveLength(0);
    expect(publicStatements(doc({ Effect: 'Deny', Principal: '*', Action: 'x' }))).toHaveLength(0);
  });

  it('keeps unknown, absent and unreadable policies apart', () => {
    expect(readPolicy({ state: 'unknown' }).state).toBe('unknown');
    expect(readPolicy({ state: 'absent' }).state).toBe('absent');
    expect(readPolicy({ state: 'known', value: '' }).state).toBe('absent');
    expect(readPolicy({ state: 'known', value: '{not json' }).state).toBe('invalid');
  });

  it('reads nested blocks as known, or unknown as a whole', () => {
    expect(blocksAt(new ResourceValues({ ingress: [{ from_port: 22 }] }), 'ingress')).toMatchObject({ state: 'known', blocks: [expect.anything()] });
    expect(blocksAt(new ResourceValues({}, { ingress: true }), 'ingress').state).toBe('unknown');
    expect(blocksAt(new ResourceValues({}), 'ingress')).toMatchObject({ state: 'known', blocks: [] });
  });

  it('collects findings: a failure wins, then unknowns, then passes', () => {
    const findings = new Findings();
    findings.pass('a ok');
    findings.unknown('b');
    expect(findings.result('x', 'attr').status).toBe('unknown');
    findings.fail('c bad');
    expect(findings.result('x', 'attr')).toMatchObject({ status: 'fail', found: 'c bad', expected: 'x' });
    expect(findings.anyPass('x', 'attr', { status: 'not-applicable' }).status).toBe('pass');
  });
});

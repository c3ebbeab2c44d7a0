import { WaiverFileError, addressMatches, isInForce, parseWaiverFile } from './waivers';

describe(parseWaiverFile.name, () => {
  it('reads waivers of every scope', () => {
    const text = [
      'waivers:',
      '  - id: logs',
      '    rule: CW-AWS-0012',
      '    resource: module.logs.aws_s3_bucket.this[*]',
      '    reason: access logs bucket cannot log to itself',
      '    owner: platform@example.com',
      '    expires: 2027-03-31',
      '  - id: pci',
      '    framework: pci-dss-4.0',
      '    requirement: "10.2.1"',
      '    reason: no cardholder data',
      '    owner: security@example.com',
      "    expires: '2027-06-30'",
    ].join('\n');
    expect(parseWaiverFile(text, 'w.yml')).toEqual([
      { id: 'logs', rule: 'CW-AWS-0012', resource: 'module.logs.aws_s3_bucket.this[*]', reason: 'access logs bucket cannot log to itself', owner: 'platform@example.com', expires: '2027-03-31' },
      { id: 'pci', framework: 'pci-dss-4.0', requirement: '10.2.1', reason: 'no cardholder data', owner: 'security@example.com', expires: '2027-06-30' },
    ]);
  });

  it('reports every problem with its line and column', () => {
    const text = [
      'waivers:',
      '  - id: a',
      '    rule: CW-AWS-0001',
      '    owner: me',
      '    expires: next week',
      '  - id: a',
      '    reason: r',
      '    owner: o',
      '    expires: 2027-01-01',
      '    colour: red',
    ].join('\n');
    let error: unknown;
    try {
      parseWaiverFile(text, 'w.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WaiverFileError);
    expect((error as WaiverFileError).message.split('\n')).toEqual([
      'w.yml:2:5: waivers[0].reason: required',
      'w.yml:5:14: waivers[0].expires: expected a date YYYY-MM-DD, got "next week"',
      'w.yml:10:5: waivers[1].colour: unknown key; allowed: id, rule, resource, framework, requirement, reason, owner, expires',
      'w.yml:6:5: waivers[1]: a waiver needs a scope: rule, resource or framework (or a combination)',
      'w.yml:6:9: waivers[1].id: duplicate id (also waivers[0])',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseWaiverFile('waivers:\n  - id: [unclosed\n', 'w.yml')).toThrow(/^w\.yml:\d+:\d+: \(yaml\): /);
  });

  it('accepts an empty file as no waivers and rejects a list at the root', () => {
    expect(parseWaiverFile('', 'w.yml')).toEqual([]);
    expect(() => parseWaiverFile('- id: x\n', 'w.yml')).toThrow('w.yml:1:1: (root): expected a mapping with a "waivers" list');
  });
});

describe('waiver matching', () => {
  it('applies through the end of the expiry day (UTC)', () => {
    const waiver = { id: 'w', rule: 'X', reason: 'r', owner: 'o', expires: '2026-11-22' };
    expect(isInForce(waiver, new Date('2026-11-22T23:59:59Z'))).toBe(true);
    expect(isInForce(waiver, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });

  it('matches addresses exactly or by * glob', () => {
    expect(addressMatches('aws_s3_bucket.a', 'aws_s3_bucket.a')).toBe(true);
    expect(addressMatches('aws_s3_bucket.a', 'aws_s3_bucket.ab')).toBe(false);
    expect(addressMatches('module.logs.*', 'module.logs.aws_s3_bucket.this["x"]')).toBe(true);
    expect(addressMatches('aws_s3_bucket.this[*]', 'aws_s3_bucket.this[0]')).toBe(true);
    expect(addressMatches('aws_s3_bucket.this[*]', 'aws_s3_bucket.other[0]')).toBe(false);
  });
});

import { DomainError } from '@cloudwright/contracts';
import { toEngineWaiver, toWaiverDto, toWaiverRow, waiverRowsFromFile, type WaiverCatalog } from './waiver.mapper';

const catalog: WaiverCatalog = {
  rules: [{ id: 'CW-AWS-0003' }, { id: 'CW-AWS-0018' }],
  frameworks: [{ id: 'pci-dss-4.0', aliases: ['pci'], requirements: [{ id: '1.3.1', title: 't', controls: [] }] }],
};

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe(toWaiverRow.name, () => {
  it('stores a rule/resource waiver with its scope, and a framework waiver under the framework id', () => {
    expect(toWaiverRow({ id: 'w', stack: 'shop', rule: 'CW-AWS-0003', resource: 'aws_s3_bucket.*', reason: 'r', owner: 'o', expires: '2030-01-31' }, catalog)).toMatchObject({
      waiverId: 'w',
      stack: 'shop',
      environment: '',
      ruleId: 'CW-AWS-0003',
      resource: 'aws_s3_bucket.*',
      framework: null,
      source: 'api',
    });
    expect(toWaiverRow({ id: 'f', framework: 'PCI', requirement: '1.3.1', reason: 'r', owner: 'o', expires: '2030-01-31' }, catalog)).toMatchObject({ framework: 'pci-dss-4.0', requirement: '1.3.1' });
  });

  it('lists every field error', () => {
    const error = errorOf(() => toWaiverRow({ id: 'has space', environment: 'Prod', framework: 'pci', rule: 'CW-AWS-0003', requirement: '9.9', expires: '2030-02-30', extra: 1 }, catalog));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.errors).toEqual(
      expect.arrayContaining([
        { path: 'extra', message: 'unknown property' },
        { path: 'id', message: 'must be 1-128 characters without spaces' },
        { path: 'environment', message: expect.stringContaining('lower-case') as unknown },
        { path: 'reason', message: 'required' },
        { path: 'owner', message: 'required' },
        { path: 'framework', message: 'a framework waiver cannot also name a rule or resource' },
        { path: 'expires', message: 'expected a date YYYY-MM-DD, got "2030-02-30"' },
        { path: 'requirement', message: 'framework pci-dss-4.0 has no requirement "9.9"' },
      ]),
    );
    expect(errorOf(() => toWaiverRow({ id: 'x', reason: 'r', owner: 'o', expires: '2030-01-01' }, catalog)).details?.errors).toEqual([
      { path: 'rule', message: 'a waiver needs a scope: rule, resource or framework (or a combination)' },
    ]);
  });
});

describe(waiverRowsFromFile.name, () => {
  it('reads a waiver file for a scope', () => {
    const text = 'waivers:\n  - id: a\n    rule: CW-AWS-0018\n    reason: r\n    owner: o\n    expires: 2030-01-31\n';
    expect(waiverRowsFromFile(text, 'w.yml', { environment: 'prod' }, catalog)).toEqual([
      expect.objectContaining({ waiverId: 'a', ruleId: 'CW-AWS-0018', stack: '', environment: 'prod', expires: '2030-01-31', source: 'import:w.yml' }),
    ]);
  });

  it('reports the engine\'s problems and unknown references with their line and column', () => {
    const text = 'waivers:\n  - id: a\n    framework: sox\n    reason: r\n    owner: o\n    expires: 2030-01-31\n  - id: b\n    rule: CW-AWS-0003\n    owner: o\n    expires: 2030-01-31\n';
    const engine = errorOf(() => waiverRowsFromFile(text, 'w.yml', {}, catalog));
    expect(engine.details?.problems).toEqual([expect.objectContaining({ line: 7, path: 'waivers[1].reason', message: 'required' })]);
    const fixed = 'waivers:\n  - id: a\n    framework: sox\n    reason: r\n    owner: o\n    expires: 2030-01-31\n  - id: b\n    rule: CW-AWS-0003\n    reason: r\n    owner: o\n    expires: 2030-01-31\n';
    const references = errorOf(() => waiverRowsFromFile(fixed, 'w.yml', {}, catalog));
    expect(references.details?.problems).toEqual([{ line: 3, column: 16, path: 'waivers[0].framework', message: expect.stringContaining('unknown framework "sox"') as unknown }]);
    expect(references.message).toContain('w.yml:3:16: waivers[0].framework');
  });
});

describe(toWaiverDto.name, () => {
  it('shows the scope as null for every stack/environment and whether the waiver expired', () => {
    const row = { ...toWaiverRow({ id: 'w', rule: 'CW-AWS-0003', reason: 'r', owner: 'o', expires: '2030-01-31' }, catalog), createdAt: new Date(), updatedAt: new Date() };
    expect(toWaiverDto(row, new Date('2030-01-31T23:59:59Z'))).toMatchObject({ stack: null, environment: null, expired: false });
    expect(toWaiverDto(row, new Date('2030-02-01T00:00:00Z')).expired).toBe(true);
    expect(toEngineWaiver(row)).toEqual({ id: 'w', rule: 'CW-AWS-0003', reason: 'r', owner: 'o', expires: '2030-01-31' });
  });
});

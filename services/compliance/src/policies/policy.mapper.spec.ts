import { DomainError } from '@cloudwright/contracts';
import { type Framework } from '@cloudwright/compliance';
import { effectivePolicy, toPolicyRow } from './policy.mapper';

const catalog: Framework[] = [{ id: 'pci-dss-4.0', name: 'PCI DSS', version: '4.0', publisher: 'PCI SSC', url: 'https://example.com', aliases: ['pci'], requirements: [] }];

describe(toPolicyRow.name, () => {
  it('validates a policy and stores framework ids for aliases', () => {
    expect(toPolicyRow('prod', { blockOn: 'high', minScore: 80, frameworks: ['PCI'] }, catalog)).toEqual({ environment: 'prod', blockOn: 'high', minScore: 80, frameworks: ['pci-dss-4.0'] });
    expect(toPolicyRow('dev', { blockOn: 'critical' }, catalog)).toEqual({ environment: 'dev', blockOn: 'critical', minScore: null, frameworks: [] });
  });

  it('lists every field error', () => {
    let error: unknown;
    try {
      toPolicyRow('Prod', { blockOn: 'severe', minScore: 120, frameworks: ['sox'], colour: 'red' }, catalog);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details?.errors).toEqual([
      { path: 'environment', message: expect.stringContaining('lower-case') as unknown },
      { path: 'colour', message: 'unknown property' },
      { path: 'blockOn', message: 'must be one of critical, high, medium, low, info' },
      { path: 'minScore', message: 'must be a number from 0 to 100' },
      { path: 'frameworks', message: 'unknown framework "sox"; valid names: pci-dss-4.0' },
    ]);
  });
});

describe(effectivePolicy.name, () => {
  it('falls back to the configured threshold when the environment has no policy', () => {
    expect(effectivePolicy('prod', null, 'high')).toEqual({ environment: 'prod', blockOn: 'high', minScore: null, frameworks: [], source: 'default' });
  });
});

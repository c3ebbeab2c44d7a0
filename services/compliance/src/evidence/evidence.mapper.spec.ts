import { DomainError } from '@cloudwright/contracts';
import { mergeEvidence, toEvidenceItems } from './evidence.mapper';

describe(toEvidenceItems.name, () => {
  it('accepts kebab-case keys with boolean values', () => {
    expect(toEvidenceItems({ items: [{ key: 'runbooks', value: true, source: 'wiki' }, { key: 'mfa-enforced', value: false }] })).toEqual([
      { key: 'runbooks', value: true, source: 'wiki' },
      { key: 'mfa-enforced', value: false },
    ]);
  });

  it('lists every field error, duplicates included', () => {
    let error: unknown;
    try {
      toEvidenceItems({ items: [{ key: 'runbooks', value: true }, { key: 'runbooks', value: 'yes' }, { key: 'Bad Key', value: true, note: 1 }] });
    } catch (caught) {
      error = caught;
    }
    expect((error as DomainError).details?.errors).toEqual([
      { path: 'items[1].key', message: 'duplicate key "runbooks"' },
      { path: 'items[1].value', message: 'must be true or false' },
      { path: 'items[2].note', message: 'unknown property' },
      { path: 'items[2].key', message: 'must be kebab-case, at most 64 characters' },
    ]);
    expect(() => toEvidenceItems({ items: 'x' })).toThrow(DomainError);
  });
});

describe(mergeEvidence.name, () => {
  it('lets the evidence sent with a scan win over the stored evidence', () => {
    expect(mergeEvidence([{ key: 'runbooks', value: false }, { key: 'dr-tested', value: true, source: 'drill' }], [{ key: 'runbooks', value: true, source: 'PR 42' }])).toEqual({
      runbooks: { value: true, source: 'PR 42' },
      'dr-tested': { value: true, source: 'drill' },
    });
  });
});

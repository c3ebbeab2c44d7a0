import { assertTestDatabase, sanitiseLabel, schemaNameFor, streamPrefixFor, subjectPrefixFor } from './test-names';

describe(schemaNameFor.name, () => {
  it('sanitises the label into a lower-case identifier', () => {
    expect(schemaNameFor('Orchestrator: Saga/Rollback!', 'abcd1234')).toBe('t_orchestrator_saga_rollback_abcd1234');
  });

  it('keeps the name within 63 characters and keeps the random token', () => {
    const name = schemaNameFor('x'.repeat(200), 'abcd1234');
    expect(name).toHaveLength(63);
    expect(name.endsWith('_abcd1234')).toBe(true);
  });

  it('falls back to t_<token> when nothing of the label survives', () => {
    expect(schemaNameFor('!!!', 'abcd1234')).toBe('t_abcd1234');
  });

  it('gives different names to two calls with the same label', () => {
    expect(schemaNameFor('same')).not.toBe(schemaNameFor('same'));
  });
});

describe(sanitiseLabel.name, () => {
  it('collapses runs of other characters into one underscore and trims them', () => {
    expect(sanitiseLabel('  Cost--Tracker  spec ')).toBe('cost_tracker_spec');
  });
});

describe('stream and subject prefixes', () => {
  it('builds a JetStream-safe upper-case stream prefix', () => {
    expect(streamPrefixFor('ab.c*d>1')).toBe('T_ABCD1_');
    expect(streamPrefixFor()).toMatch(/^T_[0-9A-F]{8}_$/);
  });

  it('builds a lower-case subject prefix ending in a dot', () => {
    expect(subjectPrefixFor('AB12')).toBe('tab12.');
    expect(`${subjectPrefixFor('ab12')}cw.evt.deployment`).toBe('tab12.cw.evt.deployment');
  });
});

describe(assertTestDatabase.name, () => {
  it('accepts a database whose name contains "test"', () => {
    expect(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/cloudwright_test')).not.toThrow();
    expect(() => assertTestDatabase('postgres://u:p@db:5432/TEST')).not.toThrow();
  });

  it('refuses any other database, naming it', () => {
    expect(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/cloudwright')).toThrow(/database "cloudwright"/);
    expect(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/')).toThrow(/database "\(none\)"/);
  });

  it('refuses a value that is not a URL', () => {
    expect(() => assertTestDatabase('not a url')).toThrow(/not a valid URL/);
  });
});

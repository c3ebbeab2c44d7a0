import { ConfigError } from '../../config/service-config';
import { ApiTokenRegistry, loadApiAuthConfig, parseApiTokens, sha256Hex } from './api-tokens';

const S1 = 'ci-secret-0123456789';
const S2 = 'ops-secret-0123456789';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(parseApiTokens.name, () => {
  it('parses name:role:secret entries and keeps only the hash of each secret', () => {
    const tokens = parseApiTokens({ CW_API_TOKENS: ` ci:operator:${S1} , ops:admin:${S2}` });
    expect(tokens).toEqual([
      { name: 'ci', role: 'operator', sha256: sha256Hex(S1) },
      { name: 'ops', role: 'admin', sha256: sha256Hex(S2) },
    ]);
    expect(JSON.stringify(tokens)).not.toContain(S1);
  });

  it('keeps colons inside the secret (everything after the second colon)', () => {
    const [token] = parseApiTokens({ CW_API_TOKENS: 'ci:viewer:abc:def:0123456789abcdef' });
    expect(token.sha256).toBe(sha256Hex('abc:def:0123456789abcdef'));
  });

  it('names the entry of an unknown role and lists the valid ones', () => {
    expect(problemsOf(() => parseApiTokens({ CW_API_TOKENS: `ci:operator:${S1},boss:root:${S2}` }))).toEqual([
      'CW_API_TOKENS entry 2: role "root" is not one of viewer, operator, approver, admin',
    ]);
  });

  it('collects every problem: malformed entry, short secret, bad name, duplicates', () => {
    const problems = problemsOf(() => parseApiTokens({ CW_API_TOKENS: `ci:operator,x:viewer:short,bad name:viewer:${S1},a:viewer:${S2},a:admin:${S2}` }));
    expect(problems).toEqual([
      'CW_API_TOKENS entry 1: expected name:role:secret',
      'CW_API_TOKENS entry 2: secret is 5 characters; at least 16 are required',
      expect.stringMatching(/^CW_API_TOKENS entry 3: name "bad name" must be/),
      'API tokens "a" and "a" have the same secret',
      'API token name "a" is given 2 times',
    ]);
  });

  it('reads a JSON file of { name, role, token } and { name, role, sha256 } entries', () => {
    const hash = sha256Hex(S2).toUpperCase();
    const file = JSON.stringify([
      { name: 'ci', role: 'operator', token: S1 },
      { name: 'approver-1', role: 'approver', sha256: hash },
    ]);
    const tokens = parseApiTokens({ CW_API_TOKENS_FILE: '/etc/cw/tokens.json' }, (path) => {
      expect(path).toBe('/etc/cw/tokens.json');
      return file;
    });
    expect(tokens).toEqual([
      { name: 'ci', role: 'operator', sha256: sha256Hex(S1) },
      { name: 'approver-1', role: 'approver', sha256: sha256Hex(S2) },
    ]);
  });

  it('names the file and entry of every bad file entry', () => {
    const file = JSON.stringify([{ name: 'a', role: 'viewer' }, { name: 'b', role: 'viewer', sha256: 'xyz' }, { name: 'c', role: 'admin', token: S1, extra: 1 }, 'nope']);
    expect(problemsOf(() => parseApiTokens({ CW_API_TOKENS_FILE: 't.json' }, () => file))).toEqual([
      'CW_API_TOKENS_FILE t.json entry 1: give exactly one of token or sha256',
      'CW_API_TOKENS_FILE t.json entry 2: sha256 must be 64 hexadecimal characters',
      'CW_API_TOKENS_FILE t.json entry 3: unknown field(s) extra (allowed: name, role, token, sha256)',
      'CW_API_TOKENS_FILE t.json entry 4: expected an object { name, role, token } or { name, role, sha256 }',
    ]);
  });

  it('reports an unreadable file and a file that is not JSON', () => {
    expect(problemsOf(() => parseApiTokens({ CW_API_TOKENS_FILE: 'missing.json' }, () => { throw new Error('ENOENT'); }))).toEqual([
      'CW_API_TOKENS_FILE missing.json: cannot be read (ENOENT)',
    ]);
    expect(problemsOf(() => parseApiTokens({ CW_API_TOKENS_FILE: 'x.json' }, () => '{'))[0]).toMatch(/^CW_API_TOKENS_FILE x.json: not valid JSON/);
  });

  it('finds duplicate names across the variable and the file', () => {
    const file = JSON.stringify([{ name: 'ci', role: 'viewer', token: S2 }]);
    expect(problemsOf(() => parseApiTokens({ CW_API_TOKENS: `ci:operator:${S1}`, CW_API_TOKENS_FILE: 'f' }, () => file))).toEqual(['API token name "ci" is given 2 times']);
  });
});

describe(loadApiAuthConfig.name, () => {
  it('is enabled with no tokens when nothing is set', () => {
    expect(loadApiAuthConfig({})).toEqual({ mode: 'enabled', tokens: [] });
  });

  it('accepts CW_API_AUTH=disabled and rejects other values together with token problems', () => {
    expect(loadApiAuthConfig({ CW_API_AUTH: 'disabled' }).mode).toBe('disabled');
    expect(problemsOf(() => loadApiAuthConfig({ CW_API_AUTH: 'off', CW_API_TOKENS: 'x:y:z' }))).toEqual([
      'CW_API_AUTH "off" must be enabled or disabled',
      'CW_API_TOKENS entry 1: role "y" is not one of viewer, operator, approver, admin',
      'CW_API_TOKENS entry 1: secret is 1 characters; at least 16 are required',
    ]);
  });
});

describe(ApiTokenRegistry.name, () => {
  const registry = new ApiTokenRegistry(loadApiAuthConfig({ CW_API_TOKENS: `ci:operator:${S1},ops:admin:${S2}` }));

  it('resolves a known secret to its actor', () => {
    expect(registry.resolve(S1)).toEqual({ name: 'ci', role: 'operator' });
    expect(registry.resolve(S2)).toEqual({ name: 'ops', role: 'admin' });
  });

  it('resolves nothing for an unknown secret, a prefix or the hash itself', () => {
    expect(registry.resolve('not-a-token-at-all')).toBeUndefined();
    expect(registry.resolve(S1.slice(0, -1))).toBeUndefined();
    expect(registry.resolve(sha256Hex(S1))).toBeUndefined();
    expect(registry.resolve('')).toBeUndefined();
  });

  it('reports its size and mode', () => {
    expect(registry.size).toBe(2);
    expect(registry.disabled).toBe(false);
    expect(new ApiTokenRegistry({ mode: 'disabled', tokens: [] }).disabled).toBe(true);
  });
});

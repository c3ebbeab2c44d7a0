import { API_ROLES, type ApiRole } from '@cloudwright/contracts';
import { ConfigError, type EnvReader } from '../../config/service-config';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Who calls the API: the token's name and role. */
export interface ApiActor {
  readonly name: string;
  readonly role: ApiRole;
}

/** One configured API token: its holder's name, role and the SHA-256 of the secret (the secret itself is never kept). */
export interface ApiTokenEntry {
  name: string;
  role: ApiRole;
  /** Lower-case hex SHA-256 of the secret. */
  sha256: string;
}

/**
 * How the API authenticates callers. `enabled` with no tokens answers 401 to everything but the public routes;
 * `disabled` (`CW_API_AUTH=disabled`, local experiments only) makes every caller an anonymous admin.
 */
export interface ApiAuthConfig {
  mode: 'enabled' | 'disabled';
  tokens: ApiTokenEntry[];
}

/** DI token of the ApiAuthConfig (`{ provide: API_TOKENS, useValue: loadApiAuthConfig(process.env) }`). */
export const API_TOKENS = Symbol('API_TOKENS');

export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const TOKEN_NAME_HINT = '1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
/** Shortest secret accepted: a guessable token is worse than none. */
export const MIN_SECRET_LENGTH = 16;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function isRole(value: unknown): value is ApiRole {
  return typeof value === 'string' && (API_ROLES as readonly string[]).includes(value);
}

const ROLE_LIST = API_ROLES.join(', ');

/** Checks name, role and secret of one entry; pushes problems prefixed with `where`. */
function checkEntry(where: string, name: unknown, role: unknown, problems: string[]): boolean {
  const before = problems.length;
  if (typeof name !== 'string' || !TOKEN_NAME_PATTERN.test(name)) problems.push(`${where}: name ${JSON.stringify(name ?? null)} must be ${TOKEN_NAME_HINT}`);
  if (!isRole(role)) problems.push(`${where}: role ${JSON.stringify(role ?? null)} is not one of ${ROLE_LIST}`);
  return problems.length === before;
}

function checkSecret(where: string, secret: string, problems: string[]): boolean {
  if (secret.length < MIN_SECRET_LENGTH) {
    problems.push(`${where}: secret is ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are required`);
    return false;
  }
  if (/\s/.test(secret)) {
    problems.push(`${where}: secret must not contain white space`);
    return false;
  }
  return true;
}

/** `name:role:secret[,name:role:secret…]` (the secret is everything after the second colon). */
function parseTokenList(value: string, problems: string[]): ApiTokenEntry[] {
  const out: ApiTokenEntry[] = [];
  const items = value.split(',').map((s) => s.trim());
  items.forEach((item, index) => {
    const where = `CW_API_TOKENS entry ${index + 1}`;
    if (item === '') {
      problems.push(`${where}: empty (expected name:role:secret)`);
      return;
    }
    const first = item.indexOf(':');
    const second = first < 0 ? -1 : item.indexOf(':', first + 1);
    if (first < 0 || second < 0) {
      problems.push(`${where}: expected name:role:secret`);
      return;
    }
    const name = item.slice(0, first);
    const role = item.slice(first + 1, second);
    const secret = item.slice(second + 1);
    const ok = checkEntry(where, name, role, problems);
    if (checkSecret(where, secret, problems) && ok) out.push({ name, role: role as ApiRole, sha256: sha256Hex(secret) });
  });
  return out;
}

/** JSON array of `{ name, role, token }` or `{ name, role, sha256 }`. */
function parseTokenFile(path: string, text: string, problems: string[]): ApiTokenEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push(`CW_API_TOKENS_FILE ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.push(`CW_API_TOKENS_FILE ${path}: expected a JSON array of { name, role, token } or { name, role, sha256 }`);
    return [];
  }
  const out: ApiTokenEntry[] = [];
  (raw as unknown[]).forEach((item, index) => {
    const where = `CW_API_TOKENS_FILE ${path} entry ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where}: expected an object { name, role, token } or { name, role, sha256 }`);
      return;
    }
    const entry = item as Record<string, unknown>;
    const unknownKeys = Object.keys(entry).filter((k) => !['name', 'role', 'token', 'sha256'].includes(k));
    if (unknownKeys.length) problems.push(`${where}: unknown field(s) ${unknownKeys.join(', ')} (allowed: name, role, token, sha256)`);
    const ok = checkEntry(where, entry.name, entry.role, problems) && unknownKeys.length === 0;
    const { token, sha256 } = entry;
    if ((token === undefined) === (sha256 === undefined)) {
      problems.push(`${where}: give exactly one of token or sha256`);
      return;
    }
    let hash: string | undefined;
    if (token !== undefined) {
      if (typeof token !== 'string') problems.push(`${where}: token must be a string`);
      else if (checkSecret(where, token, problems)) hash = sha256Hex(token);
    } else if (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256.toLowerCase())) {
      problems.push(`${where}: sha256 must be 64 hexadecimal characters`);
    } else {
      hash = sha256.toLowerCase();
    }
    if (ok && hash !== undefined) out.push({ name: entry.name as string, role: entry.role as ApiRole, sha256: hash });
  });
  return out;
}

/**
 * Parses the API tokens from `CW_API_TOKENS` and/or the file named by `CW_API_TOKENS_FILE`; every problem is
 * collected and thrown at once as a ConfigError naming the entry (`CW_API_TOKENS entry 2: role "root" is not one
 * of viewer, operator, approver, admin`). Secrets are hashed at once; only the hashes are returned.
 */
export function parseApiTokens(env: NodeJS.ProcessEnv, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ApiTokenEntry[] {
  const problems: string[] = [];
  const tokens: ApiTokenEntry[] = [];
  const list = env.CW_API_TOKENS?.trim();
  if (list) tokens.push(...parseTokenList(list, problems));
  const file = env.CW_API_TOKENS_FILE?.trim();
  if (file) {
    let text: string | undefined;
    try {
      text = readFile(file);
    } catch (error) {
      problems.push(`CW_API_TOKENS_FILE ${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (text !== undefined) tokens.push(...parseTokenFile(file, text, problems));
  }
  const byName = new Map<string, number>();
  const byHash = new Map<string, string>();
  for (const token of tokens) {
    byName.set(token.name, (byName.get(token.name) ?? 0) + 1);
    const other = byHash.get(token.sha256);
    if (other !== undefined) problems.push(`API tokens "${other}" and "${token.name}" have the same secret`);
    else byHash.set(token.sha256, token.name);
  }
  for (const [name, count] of byName) if (count > 1) problems.push(`API token name "${name}" is given ${count} times`);
  if (problems.length) throw new ConfigError(problems);
  return tokens;
}

/** The API's authentication config: `CW_API_AUTH` (enabled | disabled, default enabled) and the tokens. */
export function loadApiAuthConfig(env: NodeJS.ProcessEnv = process.env, readFile?: (path: string) => string): ApiAuthConfig {
  const mode = (env.CW_API_AUTH ?? '').trim() || 'enabled';
  const problems: string[] = [];
  if (mode !== 'enabled' && mode !== 'disabled') problems.push(`CW_API_AUTH "${mode}" must be enabled or disabled`);
  let tokens: ApiTokenEntry[] = [];
  try {
    tokens = parseApiTokens(env, readFile);
  } catch (error) {
    if (error instanceof ConfigError) problems.push(...error.problems);
    else throw error;
  }
  if (problems.length) throw new ConfigError(problems);
  return { mode: mode as ApiAuthConfig['mode'], tokens };
}

/** The caller every request runs as when authentication is disabled. */
export const ANONYMOUS_ADMIN: ApiActor = Object.freeze({ name: 'anonymous', role: 'admin' });

/**
 * Resolves bearer secrets to actors. The presented secret is hashed and compared in constant time with every
 * configured hash (no early exit, so the time taken does not tell which entry came close).
 */
export class ApiTokenRegistry {
  private readonly entries: { actor: ApiActor; hash: Buffer }[];

  constructor(readonly config: ApiAuthConfig) {
    this.entries = config.tokens.map((t) => ({ actor: Object.freeze({ name: t.name, role: t.role }), hash: Buffer.from(t.sha256, 'hex') }));
  }

  get disabled(): boolean {
    return this.config.mode === 'disabled';
  }

  get size(): number {
    return this.entries.length;
  }

  /** The actor of a secret, or undefined when no token matches. */
  resolve(secret: string): ApiActor | undefined {
    const presented = createHash('sha256').update(secret, 'utf8').digest();
    let found: ApiActor | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.hash) && found === undefined) found = entry.actor;
    }
    return found;
  }
}

/** loadApiAuthConfig for a service config being read: its problems join the reader's (all reported at once). */
export function readApiAuthConfig(reader: EnvReader): ApiAuthConfig {
  try {
    return loadApiAuthConfig(reader.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reader.problems.push(...error.problems);
    return { mode: 'enabled', tokens: [] };
  }
}

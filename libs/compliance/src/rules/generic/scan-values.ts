import { gunzipSync } from 'node:zlib';
import type { ResourceValues } from '@cloudwright/terraform-plan';
import { isRecord, mask, parseJson } from './util';

/**
 * Secret detection in attributes that are not meant to hold secrets (user data, environment variables, app settings,
 * metadata, tags). Findings never carry the secret: only the attribute, the kind of secret and a masked hint.
 */

export interface SecretFinding {
  /** `environment.0.variables.DB_PASSWORD`, `user_data_base64` */
  readonly path: string;
  /** What was found, masked: `AWS access key id AKIA**** (20 characters)`. */
  readonly what: string;
}

interface TokenPattern {
  readonly name: string;
  readonly pattern: RegExp;
  /** Characters of the match that may be shown (a well-known prefix, never secret material). */
  readonly show: 'prefix' | 'none';
}

const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, show: 'prefix' },
  { name: 'private key (PEM)', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/, show: 'none' },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/, show: 'prefix' },
  { name: 'Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/, show: 'prefix' },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, show: 'prefix' },
  { name: 'Azure storage account key in a connection string', pattern: /AccountKey=[A-Za-z0-9+/]{20,}={0,2}/i, show: 'none' },
  { name: 'Azure shared access key in a connection string', pattern: /SharedAccessKey=[A-Za-z0-9+/]{20,}={0,2}/i, show: 'none' },
];

/** Names of variables/settings/keys that hold a credential. */
const SECRET_NAME = /(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|connection[-_]?string)/i;
/** …unless they name where the credential is (`SECRET_ARN`, `TOKEN_URL`) or describe it (`PASSWORD_MIN_LENGTH`). */
const NOT_A_SECRET_NAME =
  /(arn|url|uri|name|path|file|id|ids|length|ttl|expiry|expiration|lifetime|timeout|duration|policy|header|endpoint|version|enabled|type|rotation|ref|location|host|region|format|mode|kind|source|audience|issuer|scope|scopes|prefix|bucket|table|queue|topic|param|parameter|store|vault|algorithm|field|label|description|size|count|limit)$/i;
/**
 * Assignments in free text: `DB_PASSWORD=…`, `password: …`, `"secret": "…"` (same line only). The name must start at a
 * word boundary (not inside an ARN or URL: `arn:aws:secretsmanager:…`), and `:` needs a space or a quoted name after
 * it (YAML, JSON) so `scheme:value` pairs do not count.
 */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.:/-])([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[-_]?key)[A-Za-z0-9_.-]*)(?:[ \t]*=[ \t]*|["'][ \t]*:[ \t]*|[ \t]*:[ \t]+)["']?([^\s"'`;&|,)}\]]+)/gi;
/** Values that point to a secret store or an expression instead of holding the secret. */
const REFERENCE = /^(\$|%|\/|\{\{|<|@microsoft\.keyvault|@microsoft\.appconfiguration|arn:aws[a-z-]*:(secretsmanager|ssm|kms):|projects\/[^/]+\/secrets\/|sm:\/\/|ssm:|vault:|secretsmanager:|kv:\/\/)/i;
const PLAIN_WORDS = new Set(['true', 'false', 'none', 'null', 'nil', 'enabled', 'disabled', 'yes', 'no', 'required', 'optional', 'auto', 'default', 'undefined']);

export function isSecretName(name: string): boolean {
  const bare = name.replace(/^[-_.]+|[-_.]+$/g, '');
  return SECRET_NAME.test(bare) && !NOT_A_SECRET_NAME.test(bare);
}

export function isLiteralSecret(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return v.length >= 4 && !REFERENCE.test(v) && !PLAIN_WORDS.has(v.toLowerCase());
}

/** Decodes base64 text (gzip-compressed cloud-init too); null when the text is not base64 of printable text. */
export function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  let bytes = Buffer.from(compact, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: 4 * 1024 * 1024 });
    } catch {
      return null;
    }
  }
  const decoded = bytes.toString('utf8');
  const sample = decoded.slice(0, 512);
  let printable = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 0xfffd)) printable += 1;
  }
  return sample.length > 0 && printable / sample.length > 0.95 ? decoded : null;
}

function describeToken(pattern: TokenPattern, match: string): string {
  return pattern.show === 'prefix' ? `${pattern.name} ${mask(match)}` : pattern.name;
}

/** Scans free text (and its base64 decoding) for tokens and literal credential assignments. */
export function scanText(path: string, text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const decoded = decodeBase64(text);
  const variants: [string, string][] = decoded ? [[text, path], [decoded, `${path} (base64-decoded)`]] : [[text, path]];
  for (const [body, where] of variants) {
    for (const pattern of TOKEN_PATTERNS) {
      const match = pattern.pattern.exec(body);
      if (match) findings.push({ path: where, what: describeToken(pattern, match[0]) });
    }
    for (const m of body.matchAll(ASSIGNMENT)) {
      const [, key = '', value = ''] = m;
      if (isSecretName(key) && isLiteralSecret(value)) findings.push({ path: where, what: `literal credential assignment ${key}=****` });
    }
  }
  return findings;
}

/** Scans a name → value map (environment variables, app settings, metadata, tags). */
export function scanMap(path: string, map: Readonly<Record<string, unknown>>): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string') continue;
    const before = findings.length;
    findings.push(...scanText(`${path}.${key}`, value));
    if (findings.length === before && isSecretName(key) && isLiteralSecret(value)) {
      findings.push({ path: `${path}.${key}`, what: `literal value in ${key} (****)` });
    }
  }
  return findings;
}

/** Scans a list of `{ name, value }` entries (ECS/Cloud Run/Container Apps env, CodeBuild variables, Beanstalk settings). */
export function scanEnvList(path: string, list: readonly unknown[]): SecretFinding[] {
  const map: Record<string, unknown> = {};
  for (const item of list) {
    if (!isRecord(item) || typeof item.name !== 'string') continue;
    // CodeBuild PARAMETER_STORE / SECRETS_MANAGER variables hold a reference, not the secret
    if (typeof item.type === 'string' && ['PARAMETER_STORE', 'SECRETS_MANAGER'].includes(item.type.toUpperCase())) continue;
    map[item.name] = item.value;
  }
  return scanMap(path, map);
}

/**
 * Scans a JSON document string (ECS container definitions, Batch container properties): every `environment` list,
 * every string value (commands, entry points) and every literal under a credential-like key. Not JSON → free text.
 */
export function scanJson(path: string, text: string): SecretFinding[] {
  const doc = parseJson(text);
  if (doc === undefined) return scanText(path, text);
  const findings: SecretFinding[] = [];
  const walk = (node: unknown, where: string, key?: string): void => {
    if (typeof node === 'string') {
      const before = findings.length;
      findings.push(...scanText(where, node));
      if (findings.length === before && key !== undefined && isSecretName(key) && isLiteralSecret(node)) {
        findings.push({ path: where, what: `literal value in ${key} (****)` });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${where}[${i}]`));
    } else if (isRecord(node)) {
      for (const [k, value] of Object.entries(node)) {
        if (k === 'environment' && Array.isArray(value)) findings.push(...scanEnvList(`${where}.environment`, value));
        else walk(value, `${where}.${k}`, k);
      }
    }
  };
  walk(doc, path);
  return findings;
}

export type ScanKind = 'text' | 'map' | 'env' | 'json';

export interface ScanTarget {
  /** Attribute path; `*` walks every element of a list of blocks: `container.*.environment_variables`. */
  readonly path: string;
  readonly kind: ScanKind;
  /**
   * Optional+computed attribute: unknown at plan time whenever it is left unset, so an unknown value is not reported
   * (it would flag every new resource).
   */
  readonly unknownWhenUnset?: boolean;
}

export interface ScanOutcome {
  readonly findings: SecretFinding[];
  /** Attributes only known after apply (could not be scanned). */
  readonly unknown: string[];
  /** Attributes that were scanned. */
  readonly scanned: string[];
}

function walkPath(node: unknown, segments: readonly string[], where: string, out: { path: string; value: unknown }[]): void {
  if (node === null || node === undefined) return;
  if (segments.length === 0) {
    out.push({ path: where, value: node });
    return;
  }
  const [head = '', ...rest] = segments;
  if (head === '*') {
    if (Array.isArray(node)) node.forEach((item, i) => walkPath(item, rest, `${where}.${i}`, out));
    else if (isRecord(node)) walkPath(node, rest, `${where}.0`, out);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkPath(isRecord(item) ? item[head] : undefined, rest, `${where}.${i}.${head}`, out));
    return;
  }
  if (isRecord(node)) walkPath(node[head], rest, where === '' ? head : `${where}.${head}`, out);
}

export function scanTargets(values: ResourceValues, targets: readonly ScanTarget[]): ScanOutcome {
  const outcome: ScanOutcome = { findings: [], unknown: [], scanned: [] };
  for (const target of targets) {
    const [top = '', ...rest] = target.path.split('.');
    const v = values.get(top);
    if (v.state === 'unknown') {
      if (!target.unknownWhenUnset) outcome.unknown.push(top);
      continue;
    }
    if (v.state === 'absent') continue;
    const items: { path: string; value: unknown }[] = [];
    walkPath(v.value, rest, top, items);
    for (const { path, value } of items) {
      if (target.kind === 'text' && typeof value === 'string') outcome.findings.push(...scanText(path, value));
      else if (target.kind === 'json' && typeof value === 'string') outcome.findings.push(...scanJson(path, value));
      else if (target.kind === 'map' && isRecord(value)) outcome.findings.push(...scanMap(path, value));
      else if (target.kind === 'env' && (Array.isArray(value) || isRecord(value))) outcome.findings.push(...scanEnvList(path, Array.isArray(value) ? value : [value]));
      else continue;
      if (!outcome.scanned.includes(path)) outcome.scanned.push(path);
    }
  }
  return outcome;
}

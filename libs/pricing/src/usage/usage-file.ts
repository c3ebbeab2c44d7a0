import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { UsageKey } from '../engine/pricer';

/** A usage file problem with where it is: `usage.yml:12:5: resource_usage.aws_lambda_function.api.monthly_requests: …`. */
export class UsageFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly { line: number; column: number; path: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path}: ${p.message}`).join('\n'));
    this.name = 'UsageFileError';
  }
}

export type UsageValues = Readonly<Record<string, number>>;

/**
 * Usage-priced quantities (requests, GB transferred or stored) per resource address or per resource type, in the
 * same shape as Infracost's usage file:
 *
 * ```yaml
 * version: 0.1
 * resource_type_default_usage:
 *   aws_lambda_function: { monthly_requests: 1000000, request_duration_ms: 250 }
 * resource_usage:
 *   aws_lambda_function.api: { monthly_requests: 50000000 }
 *   module.logs.aws_s3_bucket.this[*]: { storage_gb: 2000 }
 * ```
 */
export class UsageFile {
  constructor(
    private readonly byType: ReadonlyMap<string, UsageValues>,
    private readonly byAddress: ReadonlyMap<string, UsageValues>,
  ) {}

  static empty(): UsageFile {
    return new UsageFile(new Map(), new Map());
  }

  /** Usage for one resource: address-specific values over `[*]` patterns over type defaults. */
  forResource(address: string, type: string): UsageValues {
    const wildcard = address.replace(/\[[^\]]*\]$/, '[*]');
    const bare = address.replace(/\[[^\]]*\]$/, '');
    return {
      ...this.byType.get(type),
      ...(bare !== address ? this.byAddress.get(bare) : undefined),
      ...this.byAddress.get(wildcard),
      ...this.byAddress.get(address),
    };
  }
}

/** Type of a resource address: the last `type.name` pair (`module.a.aws_s3_bucket.b[0]` → `aws_s3_bucket`). */
function typeOfAddress(address: string): string | undefined {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/**
 * Parses and validates a usage file against the usage keys the pricers declare: unknown types, unknown keys and
 * values that are not non-negative numbers are all reported, each with its line and column.
 */
export function parseUsageFile(text: string, file: string, keysByType: ReadonlyMap<string, readonly UsageKey[]>): UsageFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: { line: number; column: number; path: string; message: string }[] = [];
  const at = (node: YamlNode | null | undefined, path: string, message: string) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ line, column: col, path, message });
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ line, column: col, path: '(yaml)', message: error.message.split('\n')[0] ?? error.message });
  }
  if (problems.length > 0) throw new UsageFileError(file, problems);

  const byType = new Map<string, UsageValues>();
  const byAddress = new Map<string, UsageValues>();
  const root = doc.contents;
  if (root === null) return new UsageFile(byType, byAddress);
  if (!isMap(root)) {
    at(root, '(root)', 'expected a mapping with version, resource_type_default_usage and resource_usage');
    throw new UsageFileError(file, problems);
  }

  const readValues = (node: unknown, path: string, type: string): UsageValues | undefined => {
    if (!isMap(node)) {
      at(node as YamlNode, path, 'expected a mapping of usage keys to numbers');
      return undefined;
    }
    const known = keysByType.get(type);
    const values: Record<string, number> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyPath = `${path}.${key}`;
      const spec = known?.find((k) => k.key === key);
      if (!spec) {
        at(pair.key as YamlNode, keyPath, `unknown usage key for ${type}${known && known.length > 0 ? ` (known: ${known.map((k) => k.key).join(', ')})` : ' (this type has no usage-priced components)'}`);
        continue;
      }
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        at((pair.value ?? pair.key) as YamlNode, keyPath, `expected a non-negative number of ${spec.unit}, got ${JSON.stringify(isScalar(pair.value) ? pair.value.value : (pair.value as YamlNode | null)?.toJSON?.() ?? null)}`);
        continue;
      }
      values[key] = value;
    }
    return values;
  };

  for (const pair of root.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    if (section === 'version') {
      const v = isScalar(pair.value) ? String(pair.value.value) : '';
      if (v !== '0.1') at(pair.value, 'version', `unsupported usage file version ${JSON.stringify(v)} (supported: 0.1)`);
      continue;
    }
    if (section !== 'resource_type_default_usage' && section !== 'resource_usage') {
      at(pair.key, section, 'unknown section (expected version, resource_type_default_usage or resource_usage)');
      continue;
    }
    if (pair.value === null) continue;
    if (!isMap(pair.value)) {
      at(pair.value, section, 'expected a mapping');
      continue;
    }
    for (const entry of pair.value.items) {
      const name = isScalar(entry.key) ? String(entry.key.value) : '';
      const path = `${section}.${name}`;
      const type = section === 'resource_type_default_usage' ? name : typeOfAddress(name);
      if (!type || !keysByType.has(type)) {
        at(entry.key, path, type ? `resource type ${type} is not priced by Cloudwright` : 'not a resource address (expected <type>.<name>)');
        continue;
      }
      const values = readValues(entry.value, path, type);
      if (values) (section === 'resource_usage' ? byAddress : byType).set(name, values);
    }
  }
  if (problems.length > 0) throw new UsageFileError(file, problems);
  return new UsageFile(byType, byAddress);
}

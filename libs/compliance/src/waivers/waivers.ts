import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

/**
 * A waiver accepts a known risk for a while. Scope: a rule, a resource (address or `*` glob), or a framework requirement,
 * alone or combined (all given parts must match). An expired waiver stops applying and is reported as expired.
 *
 * ```yaml
 * waivers:
 *   - id: legacy-logs-bucket
 *     rule: CW-AWS-0012
 *     resource: module.logs.aws_s3_bucket.this[*]
 *     reason: access logs bucket cannot log to itself
 *     owner: platform-team@example.com
 *     expires: 2027-03-31
 *   - id: pci-out-of-scope
 *     framework: pci-dss-4.0
 *     requirement: "10.2.1"     # optional; without it the whole framework
 *     reason: no cardholder data in this stack
 *     owner: security@example.com
 *     expires: 2027-06-30
 * ```
 * Rule and resource waivers mute the matching findings (they stay visible as `muted`). A framework waiver mutes the
 * framework's requirement in that framework's score only: the finding keeps its status for every other framework.
 */
export interface Waiver {
  readonly id: string;
  readonly rule?: string;
  readonly resource?: string;
  readonly framework?: string;
  readonly requirement?: string;
  readonly reason: string;
  readonly owner: string;
  /** YYYY-MM-DD; the waiver applies through the end of that day (UTC). */
  readonly expires: string;
}

export interface WaiverProblem {
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
}

/** A waiver file problem with where it is: `waivers.yml:7:5: waivers[1].expires: …`. */
export class WaiverFileError extends Error {
  readonly code = 'INVALID_WAIVER_FILE';
  constructor(
    readonly file: string,
    readonly problems: readonly WaiverProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path}: ${p.message}`).join('\n'));
    this.name = 'WaiverFileError';
  }
}

const KEYS = new Set(['id', 'rule', 'resource', 'framework', 'requirement', 'reason', 'owner', 'expires']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses and validates a waiver file; every problem is reported with its line and column, none is skipped. */
export function parseWaiverFile(text: string, file: string): Waiver[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: WaiverProblem[] = [];
  const at = (node: YamlNode | null | undefined, path: string, message: string): void => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    problems.push({ line, column: col, path, message });
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ line, column: col, path: '(yaml)', message: error.message.split('\n')[0] ?? error.message });
  }
  if (problems.length > 0) throw new WaiverFileError(file, problems);

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return [];
  if (!isMap(root)) {
    at(root, '(root)', 'expected a mapping with a "waivers" list');
    throw new WaiverFileError(file, problems);
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'waivers' && key !== 'version') at(pair.key, key, 'unknown key (expected "waivers")');
  }
  const list = root.get('waivers', true) as YamlNode | undefined;
  if (list === undefined) {
    if (problems.length > 0) throw new WaiverFileError(file, problems);
    return [];
  }
  if (!isSeq(list)) {
    at(list, 'waivers', 'expected a list of waivers');
    throw new WaiverFileError(file, problems);
  }
  const waivers: Waiver[] = [];
  const ids = new Map<string, number>();
  list.items.forEach((item, i) => {
    const path = `waivers[${i}]`;
    if (!isMap(item)) {
      at(item as YamlNode, path, 'expected a mapping (id, rule/resource/framework, reason, owner, expires)');
      return;
    }
    const map = item;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.has(key)) at(pair.key as YamlNode, `${path}.${key}`, `unknown key; allowed: ${[...KEYS].join(', ')}`);
    }
    const str = (key: string, required: boolean): string | undefined => {
      const node = map.get(key, true) as YamlNode | undefined;
      if (node === undefined) {
        if (required) at(item, `${path}.${key}`, 'required');
        return undefined;
      }
      const value = isScalar(node) ? node.value : undefined;
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'number') return String(value);
      if (typeof value !== 'string' || value.trim() === '') {
        at(node, `${path}.${key}`, 'expected a non-empty string');
        return undefined;
      }
      return value.trim();
    };
    const waiver = {
      id: str('id', true),
      rule: str('rule', false),
      resource: str('resource', false),
      framework: str('framework', false),
      requirement: str('requirement', false),
      reason: str('reason', true),
      owner: str('owner', true),
      expires: str('expires', true),
    };
    if (!waiver.rule && !waiver.resource && !waiver.framework) {
      at(item, path, 'a waiver needs a scope: rule, resource or framework (or a combination)');
    }
    if (waiver.requirement && !waiver.framework) at(map.get('requirement', true), `${path}.requirement`, 'requirement needs framework');
    if (waiver.framework && (waiver.rule || waiver.resource)) {
      at(map.get('framework', true), `${path}.framework`, 'a framework waiver cannot also name a rule or resource');
    }
    if (waiver.expires !== undefined && !(DATE.test(waiver.expires) && !Number.isNaN(Date.parse(`${waiver.expires}T00:00:00Z`)))) {
      at(map.get('expires', true), `${path}.expires`, `expected a date YYYY-MM-DD, got "${waiver.expires}"`);
    }
    if (waiver.id !== undefined) {
      const first = ids.get(waiver.id);
      if (first !== undefined) at(map.get('id', true), `${path}.id`, `duplicate id (also waivers[${first}])`);
      else ids.set(waiver.id, i);
    }
    if (waiver.id && waiver.reason && waiver.owner && waiver.expires) {
      waivers.push({
        id: waiver.id,
        reason: waiver.reason,
        owner: waiver.owner,
        expires: waiver.expires,
        ...(waiver.rule ? { rule: waiver.rule } : {}),
        ...(waiver.resource ? { resource: waiver.resource } : {}),
        ...(waiver.framework ? { framework: waiver.framework } : {}),
        ...(waiver.requirement ? { requirement: waiver.requirement } : {}),
      });
    }
  });
  if (problems.length > 0) throw new WaiverFileError(file, problems);
  return waivers;
}

/** True while the waiver applies: through the end of its expiry day, UTC. */
export function isInForce(waiver: Waiver, now: Date): boolean {
  return now.getTime() < Date.parse(`${waiver.expires}T00:00:00Z`) + 86_400_000;
}

/** Glob for resource addresses: `*` matches any run of characters (`module.logs.*`, `aws_s3_bucket.this[*]`). */
export function addressMatches(pattern: string, address: string): boolean {
  if (!pattern.includes('*')) return pattern === address;
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(address);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface WaiverSet {
  /** Waivers in force. */
  readonly active: readonly Waiver[];
  readonly expired: readonly Waiver[];
  /** The rule/resource waiver covering a finding, if any. */
  forFinding(ruleId: string, address: string): Waiver | undefined;
  /** The framework waiver covering a requirement, if any. */
  forRequirement(frameworkId: string, requirementId: string): Waiver | undefined;
}

export function waiverSet(waivers: readonly Waiver[], now: Date, frameworkIdOf: (name: string) => string = (n) => n): WaiverSet {
  const active = waivers.filter((w) => isInForce(w, now));
  const expired = waivers.filter((w) => !isInForce(w, now));
  const findingWaivers = active.filter((w) => !w.framework);
  // resolve each waiver's framework name (an alias) once, not at every requirement the scan scores
  const frameworkWaivers = active.filter((w) => w.framework).map((w) => ({ waiver: w, frameworkId: frameworkIdOf(w.framework ?? '') }));
  return {
    active,
    expired,
    forFinding: (ruleId, address) =>
      findingWaivers.find(
        (w) => (w.rule === undefined || w.rule === ruleId) && (w.resource === undefined || addressMatches(w.resource, address)),
      ),
    forRequirement: (frameworkId, requirementId) =>
      frameworkWaivers.find((w) => w.frameworkId === frameworkId && (w.waiver.requirement === undefined || w.waiver.requirement === requirementId))
        ?.waiver,
  };
}

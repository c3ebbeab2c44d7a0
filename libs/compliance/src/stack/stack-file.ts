import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { EvidenceItem, StackContext } from '../model';

/**
 * Stack metadata for a scan: what a plan cannot say — the stack and environment, evidence for process rules, required
 * tag spellings, allowed regions, approved images.
 *
 * ```yaml
 * stack: shop
 * environment: prod
 * allowedRegions: [eu-west-1, westeurope, europe-west1]
 * approvedImages: [registry.example.com/, ami-0abc1234]
 * requiredTags:
 *   owner: [owner, team]
 * evidence:
 *   runbooks: { value: true, source: https://wiki.example.com/shop/runbooks }
 *   mfa-admin: true
 * ```
 */
export class StackFileError extends Error {
  readonly code = 'INVALID_STACK_FILE';
  constructor(
    readonly file: string,
    readonly problems: readonly { line: number; column: number; path: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path}: ${p.message}`).join('\n'));
    this.name = 'StackFileError';
  }
}

const TAG_KINDS = ['owner', 'cost-center', 'environment', 'compliance'] as const;
const KEYS = new Set(['stack', 'environment', 'allowedRegions', 'approvedImages', 'requiredTags', 'evidence']);

export function parseStackFile(text: string, file: string): StackContext {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: { line: number; column: number; path: string; message: string }[] = [];
  const at = (node: YamlNode | null | undefined, path: string, message: string): void => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    problems.push({ line, column: col, path, message });
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ line, column: col, path: '(yaml)', message: error.message.split('\n')[0] ?? error.message });
  }
  if (problems.length > 0) throw new StackFileError(file, problems);
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return {};
  if (!isMap(root)) {
    at(root, '(root)', 'expected a mapping (stack, environment, evidence, …)');
    throw new StackFileError(file, problems);
  }
  const out: {
    stack?: string;
    environment?: string;
    allowedRegions?: string[];
    approvedImages?: string[];
    requiredTags?: Record<(typeof TAG_KINDS)[number], string[]>;
    evidence?: Record<string, EvidenceItem>;
  } = {};
  const stringList = (node: YamlNode, path: string): string[] | undefined => {
    if (!isSeq(node)) {
      at(node, path, 'expected a list of strings');
      return undefined;
    }
    const list: string[] = [];
    node.items.forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') list.push(item.value.trim());
      else at(item as YamlNode, `${path}[${i}]`, 'expected a non-empty string');
    });
    return list;
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!KEYS.has(key)) {
      at(pair.key, key, `unknown key; allowed: ${[...KEYS].join(', ')}`);
      continue;
    }
    if (value === null) {
      at(pair.key, key, 'value missing');
      continue;
    }
    if (key === 'stack' || key === 'environment') {
      if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') out[key] = value.value.trim();
      else at(value, key, 'expected a non-empty string');
    } else if (key === 'allowedRegions' || key === 'approvedImages') {
      const list = stringList(value, key);
      if (list) out[key] = list;
    } else if (key === 'requiredTags') {
      if (!isMap(value)) {
        at(value, key, `expected a mapping of ${TAG_KINDS.join(', ')} to lists of accepted tag keys`);
        continue;
      }
      const tags = {} as Record<(typeof TAG_KINDS)[number], string[]>;
      for (const tagPair of value.items) {
        const kind = isScalar(tagPair.key) ? String(tagPair.key.value) : '';
        if (!(TAG_KINDS as readonly string[]).includes(kind)) {
          at(tagPair.key as YamlNode, `requiredTags.${kind}`, `unknown tag kind; allowed: ${TAG_KINDS.join(', ')}`);
          continue;
        }
        const list = tagPair.value ? stringList(tagPair.value as YamlNode, `requiredTags.${kind}`) : undefined;
        if (list) tags[kind as (typeof TAG_KINDS)[number]] = list;
      }
      out.requiredTags = tags;
    } else if (key === 'evidence') {
      if (!isMap(value)) {
        at(value, key, 'expected a mapping of evidence keys to true/false or { value, source }');
        continue;
      }
      const evidence: Record<string, EvidenceItem> = {};
      for (const evPair of value.items) {
        const evKey = isScalar(evPair.key) ? String(evPair.key.value) : '';
        const path = `evidence.${evKey}`;
        if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(evKey)) at(evPair.key as YamlNode, path, 'evidence keys are kebab-case (e.g. runbooks, mfa-admin)');
        const node = evPair.value as YamlNode | null;
        if (node && isScalar(node) && typeof node.value === 'boolean') {
          evidence[evKey] = { value: node.value };
        } else if (node && isMap(node)) {
          const v = node.get('value');
          const source = node.get('source');
          for (const p of node.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k !== 'value' && k !== 'source') at(p.key as YamlNode, `${path}.${k}`, 'unknown key; allowed: value, source');
          }
          if (typeof v !== 'boolean') at(node, `${path}.value`, 'expected true or false');
          else if (source !== undefined && (typeof source !== 'string' || source.trim() === '')) at(node, `${path}.source`, 'expected a non-empty string');
          else evidence[evKey] = typeof source === 'string' ? { value: v, source } : { value: v };
        } else {
          at(node ?? (evPair.key as YamlNode), path, 'expected true, false or { value, source }');
        }
      }
      out.evidence = evidence;
    }
  }
  if (problems.length > 0) throw new StackFileError(file, problems);
  return out;
}

import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN, type FieldError } from '@cloudwright/contracts';
import {
  BUILTIN_FRAMEWORKS,
  BUILTIN_RULES,
  WaiverFileError,
  isInForce,
  parseWaiverFile,
  type Framework,
  type Rule,
  type Waiver,
  type WaiverProblem,
} from '@cloudwright/compliance';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { type WaiverEntity } from './waiver.entity';

/** A waiver as the HTTP API takes it: the waiver file's fields plus an optional stack/environment scope. */
export interface WaiverInput {
  id: string;
  stack?: string;
  environment?: string;
  rule?: string;
  resource?: string;
  framework?: string;
  requirement?: string;
  reason: string;
  owner: string;
  expires: string;
}

export interface WaiverDto {
  /** Row id (DELETE /waivers/:id). */
  id: string;
  /** The waiver's own id, as in a waiver file and on the findings it mutes. */
  waiverId: string;
  /** null = every stack / every environment. */
  stack: string | null;
  environment: string | null;
  rule: string | null;
  resource: string | null;
  framework: string | null;
  requirement: string | null;
  reason: string;
  owner: string;
  expires: string;
  /** False while the waiver applies (through the end of its expiry day, UTC). */
  expired: boolean;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export type WaiverRow = Omit<WaiverEntity, 'createdAt' | 'updatedAt'>;

/** What a waiver refers to must exist: rule ids, frameworks (ids or aliases) and their requirements. */
export interface WaiverCatalog {
  rules: readonly Pick<Rule, 'id'>[];
  frameworks: readonly Pick<Framework, 'id' | 'aliases' | 'requirements'>[];
}

const BUILTIN_CATALOG: WaiverCatalog = { rules: BUILTIN_RULES, frameworks: BUILTIN_FRAMEWORKS };
const KEYS = new Set(['id', 'stack', 'environment', 'rule', 'resource', 'framework', 'requirement', 'reason', 'owner', 'expires']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WAIVER_ID = /^\S{1,128}$/;

/** Checks a waiver's references against the catalog; returns the problems by field and the framework's canonical id. */
function checkReferences(w: { rule?: string; framework?: string; requirement?: string }, catalog: WaiverCatalog): { errors: FieldError[]; framework?: string } {
  const errors: FieldError[] = [];
  if (w.rule !== undefined && !catalog.rules.some((r) => r.id === w.rule)) errors.push({ path: 'rule', message: `unknown rule "${w.rule}"` });
  if (w.framework === undefined) return { errors };
  const name = w.framework.trim().toLowerCase();
  const framework = catalog.frameworks.find((f) => f.id.toLowerCase() === name || (f.aliases ?? []).some((a) => a.toLowerCase() === name));
  if (!framework) {
    errors.push({ path: 'framework', message: `unknown framework "${w.framework}"; valid names: ${catalog.frameworks.map((f) => f.id).join(', ') || '(none)'}` });
    return { errors };
  }
  if (w.requirement !== undefined && !framework.requirements.some((r) => r.id === w.requirement)) {
    errors.push({ path: 'requirement', message: `framework ${framework.id} has no requirement "${w.requirement}"` });
  }
  return { errors, framework: framework.id };
}

/** Validates a waiver sent as JSON, listing every field error; returns the row to store. */
export function toWaiverRow(input: unknown, catalog: WaiverCatalog = BUILTIN_CATALOG): WaiverRow {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DomainError(ErrorCode.ValidationFailed, 'a waiver must be a JSON object');
  const w = input as Partial<Record<keyof WaiverInput, unknown>>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(w)) if (!KEYS.has(key)) errors.push({ path: key, message: 'unknown property' });
  const text = (key: keyof WaiverInput, required: boolean, max: number): string | undefined => {
    const value = w[key];
    if (value === undefined || value === null) {
      if (required) errors.push({ path: key, message: 'required' });
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      errors.push({ path: key, message: `must be a non-empty string of at most ${max} characters` });
      return undefined;
    }
    return value.trim();
  };
  const id = text('id', true, 128);
  if (id !== undefined && !WAIVER_ID.test(id)) errors.push({ path: 'id', message: 'must be 1-128 characters without spaces' });
  for (const key of ['stack', 'environment'] as const) {
    if (w[key] !== undefined && (typeof w[key] !== 'string' || !NAME_PATTERN.test(w[key]))) errors.push({ path: key, message: `must be ${NAME_HINT}` });
  }
  const rule = text('rule', false, 64);
  const resource = text('resource', false, 1024);
  const frameworkName = text('framework', false, 64);
  const requirement = text('requirement', false, 64);
  const reason = text('reason', true, 1024);
  const owner = text('owner', true, 256);
  const expires = text('expires', true, 10);
  if (!rule && !resource && !frameworkName) errors.push({ path: 'rule', message: 'a waiver needs a scope: rule, resource or framework (or a combination)' });
  if (requirement && !frameworkName) errors.push({ path: 'requirement', message: 'requirement needs framework' });
  if (frameworkName && (rule || resource)) errors.push({ path: 'framework', message: 'a framework waiver cannot also name a rule or resource' });
  if (expires !== undefined && !isDate(expires)) errors.push({ path: 'expires', message: `expected a date YYYY-MM-DD, got "${expires}"` });
  const references = checkReferences({ rule, framework: frameworkName, requirement }, catalog);
  errors.push(...references.errors);
  if (errors.length) {
    throw new DomainError(ErrorCode.ValidationFailed, `invalid waiver: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
  }
  return {
    id: randomUUID(),
    waiverId: id as string,
    stack: (w.stack as string | undefined) ?? '',
    environment: (w.environment as string | undefined) ?? '',
    ruleId: rule ?? null,
    resource: resource ?? null,
    framework: references.framework ?? null,
    requirement: requirement ?? null,
    reason: reason as string,
    owner: owner as string,
    expires: expires as string,
    source: 'api',
  };
}

/**
 * Reads a waiver file (the engine's format) for a scope. Every problem comes back with its line and column
 * (`waivers.yml:7:5: waivers[1].expires: …`), including rules, frameworks and requirements that do not exist.
 */
export function waiverRowsFromFile(text: string, file: string, scope: { stack?: string; environment?: string }, catalog: WaiverCatalog = BUILTIN_CATALOG): WaiverRow[] {
  let waivers: Waiver[];
  try {
    waivers = parseWaiverFile(text, file);
  } catch (error) {
    if (error instanceof WaiverFileError) throw waiverFileProblems(file, error.problems);
    throw error;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const problems: WaiverProblem[] = [];
  const rows = waivers.map((w, i): WaiverRow => {
    const references = checkReferences(w, catalog);
    for (const e of references.errors) {
      const node = doc.getIn(['waivers', i, e.path], true) as YamlNode | undefined;
      const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
      problems.push({ line, column: col, path: `waivers[${i}].${e.path}`, message: e.message });
    }
    return {
      id: randomUUID(),
      waiverId: w.id,
      stack: scope.stack ?? '',
      environment: scope.environment ?? '',
      ruleId: w.rule ?? null,
      resource: w.resource ?? null,
      framework: references.framework ?? null,
      requirement: w.requirement ?? null,
      reason: w.reason,
      owner: w.owner,
      expires: w.expires,
      source: `import:${file}`,
    };
  });
  if (problems.length) throw waiverFileProblems(file, problems);
  return rows;
}

function waiverFileProblems(file: string, problems: readonly WaiverProblem[]): DomainError {
  const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path}: ${p.message}`);
  return new DomainError(ErrorCode.ValidationFailed, `invalid waiver file:\n${lines.join('\n')}`, { file, problems: problems.map((p) => ({ ...p })) });
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** The engine's waiver of a stored row. */
export function toEngineWaiver(row: WaiverEntity | WaiverRow): Waiver {
  return {
    id: row.waiverId,
    reason: row.reason,
    owner: row.owner,
    expires: row.expires,
    ...(row.ruleId ? { rule: row.ruleId } : {}),
    ...(row.resource ? { resource: row.resource } : {}),
    ...(row.framework ? { framework: row.framework } : {}),
    ...(row.requirement ? { requirement: row.requirement } : {}),
  };
}

export function toWaiverDto(row: WaiverEntity, now: Date): WaiverDto {
  return {
    id: row.id,
    waiverId: row.waiverId,
    stack: row.stack || null,
    environment: row.environment || null,
    rule: row.ruleId,
    resource: row.resource,
    framework: row.framework,
    requirement: row.requirement,
    reason: row.reason,
    owner: row.owner,
    expires: row.expires,
    expired: !isInForce(toEngineWaiver(row), now),
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Today's date (UTC) as YYYY-MM-DD: waivers expiring before it no longer apply. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

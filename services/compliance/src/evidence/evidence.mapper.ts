import { DomainError, ErrorCode, EVIDENCE_KEY_PATTERN, type FieldError } from '@cloudwright/contracts';
import { type EvidenceItem } from '@cloudwright/compliance';
import { type EvidenceEntity } from './evidence.entity';

export interface EvidenceItemDto {
  key: string;
  value: boolean;
  source?: string;
}

export interface EvidenceDto {
  stack: string;
  environment: string;
  items: EvidenceItemDto[];
}

const MAX_ITEMS = 256;

/** Validates `{ items: [{ key, value, source? }] }`, listing every field error. */
export function toEvidenceItems(input: unknown): EvidenceItemDto[] {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { items?: unknown }).items)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'send { "items": [{ "key": "runbooks", "value": true, "source"?: "https://…" }] }', {
      errors: [{ path: 'items', message: 'must be a list' }],
    });
  }
  const items = (input as { items: unknown[] }).items;
  const errors: FieldError[] = [];
  if (items.length > MAX_ITEMS) errors.push({ path: 'items', message: `at most ${MAX_ITEMS} items` });
  const seen = new Set<string>();
  const out: EvidenceItemDto[] = [];
  items.forEach((raw, i) => {
    const path = `items[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      errors.push({ path, message: 'must be an object { key, value, source? }' });
      return;
    }
    const item = raw as Record<string, unknown>;
    for (const key of Object.keys(item)) if (!['key', 'value', 'source'].includes(key)) errors.push({ path: `${path}.${key}`, message: 'unknown property' });
    if (typeof item.key !== 'string' || !EVIDENCE_KEY_PATTERN.test(item.key)) errors.push({ path: `${path}.key`, message: 'must be kebab-case, at most 64 characters' });
    else if (seen.has(item.key)) errors.push({ path: `${path}.key`, message: `duplicate key "${item.key}"` });
    else seen.add(item.key);
    if (typeof item.value !== 'boolean') errors.push({ path: `${path}.value`, message: 'must be true or false' });
    if (item.source !== undefined && (typeof item.source !== 'string' || item.source.length > 1024)) errors.push({ path: `${path}.source`, message: 'must be a string of at most 1024 characters' });
    out.push({ key: item.key as string, value: item.value as boolean, ...(typeof item.source === 'string' ? { source: item.source } : {}) });
  });
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid evidence: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
  return out;
}

export function toEvidenceItemDto(row: EvidenceEntity): EvidenceItemDto {
  return { key: row.key, value: row.value, ...(row.source === null ? {} : { source: row.source }) };
}

/** Stored evidence overlaid by the evidence sent with a scan (same key: the scan's wins), as the engine takes it. */
export function mergeEvidence(stored: readonly EvidenceItemDto[], sent: readonly EvidenceItemDto[] = []): Record<string, EvidenceItem> {
  const out: Record<string, EvidenceItem> = {};
  for (const item of [...stored, ...sent]) out[item.key] = { value: item.value, ...(item.source === undefined ? {} : { source: item.source }) };
  return out;
}

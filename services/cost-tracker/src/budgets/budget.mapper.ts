import { randomUUID } from 'node:crypto';
import { DECIMAL_PATTERN, DomainError, ErrorCode, NAME_HINT, NAME_PATTERN } from '@cloudwright/contracts';
import { isCurrency, type BudgetEvaluation } from '@cloudwright/pricing';
import { type BudgetEntity } from './budget.entity';

export const DEFAULT_THRESHOLDS_PCT = [50, 80, 100];

/** A budget as the HTTP API, queries and CLI send it. */
export interface BudgetInput {
  stack: string;
  environment: string;
  amount: string;
  currency: string;
  thresholdsPct?: number[];
  forecastOverrun?: boolean;
  tagKey?: string;
  tagValue?: string;
}

export interface BudgetDto {
  id: string;
  stack: string;
  environment: string;
  tag: { key: string; value: string } | null;
  amount: string;
  currency: string;
  period: 'monthly';
  thresholdsPct: number[];
  forecastOverrun: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetStatusDto extends BudgetDto {
  status: {
    period: { start: string; end: string };
    asOf: string;
    spent: string;
    pctUsed: string;
    crossedThresholdsPct: number[];
    forecastTotal: string;
    forecastOverrun: boolean;
    status: BudgetEvaluation['status'];
  };
}

/** Validates a budget input, listing every problem; returns the row to store. */
export function toBudgetRow(input: unknown): Omit<BudgetEntity, 'createdAt' | 'updatedAt'> {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DomainError(ErrorCode.ValidationFailed, 'a budget must be a JSON object');
  const b = input as Partial<Record<keyof BudgetInput, unknown>>;
  const known = new Set(['stack', 'environment', 'amount', 'currency', 'thresholdsPct', 'forecastOverrun', 'tagKey', 'tagValue', 'id']);
  for (const key of Object.keys(b)) if (!known.has(key)) problems.push(`${key}: unknown property`);
  if (typeof b.stack !== 'string' || !NAME_PATTERN.test(b.stack)) problems.push(`stack must be ${NAME_HINT}`);
  if (typeof b.environment !== 'string' || !NAME_PATTERN.test(b.environment)) problems.push(`environment must be ${NAME_HINT}`);
  if (typeof b.amount !== 'string' || !DECIMAL_PATTERN.test(b.amount) || !(Number(b.amount) > 0)) problems.push('amount must be a positive decimal string such as "500" or "1250.50"');
  if (!isCurrency(b.currency)) problems.push('currency must be USD, EUR or GBP');
  const thresholds = b.thresholdsPct ?? DEFAULT_THRESHOLDS_PCT;
  if (!Array.isArray(thresholds) || !thresholds.length || !thresholds.every((t) => Number.isInteger(t) && (t as number) >= 1 && (t as number) <= 1000)) {
    problems.push('thresholdsPct must be a non-empty list of integers from 1 to 1000');
  }
  if (b.forecastOverrun !== undefined && typeof b.forecastOverrun !== 'boolean') problems.push('forecastOverrun must be true or false');
  if ((b.tagKey === undefined) !== (b.tagValue === undefined)) problems.push('tagKey and tagValue go together');
  for (const key of ['tagKey', 'tagValue'] as const) {
    if (b[key] !== undefined && (typeof b[key] !== 'string' || (b[key]).length === 0 || (b[key]).length > 256)) problems.push(`${key} must be 1-256 characters`);
  }
  if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid budget: ${problems.join('; ')}`, { problems });
  return {
    id: randomUUID(),
    stack: b.stack as string,
    environment: b.environment as string,
    tagKey: (b.tagKey as string | undefined) ?? '',
    tagValue: (b.tagValue as string | undefined) ?? '',
    amount: b.amount as string,
    currency: b.currency as string,
    period: 'monthly',
    thresholdsPct: [...new Set(thresholds as number[])].sort((x, y) => x - y),
    forecastOverrun: (b.forecastOverrun as boolean | undefined) ?? true,
  };
}

export function toBudgetDto(row: BudgetEntity): BudgetDto {
  return {
    id: row.id,
    stack: row.stack,
    environment: row.environment,
    tag: row.tagKey ? { key: row.tagKey, value: row.tagValue } : null,
    amount: row.amount,
    currency: row.currency.trim(),
    period: row.period,
    thresholdsPct: row.thresholdsPct,
    forecastOverrun: row.forecastOverrun,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { API_ROLES, type ApiRole, type AuditEntryDto } from '@cloudwright/contracts';
import { type AuditLogEntity } from './audit-log.entity';

export type AuditOutcome = AuditEntryDto['outcome'];

/** What the guard and the interceptor record. */
export interface NewAuditEntry {
  actor: string;
  role: ApiRole | null;
  method: string;
  path: string;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  status: number;
  detail: string | null;
  correlationId: string | null;
}

/** Longest detail or target kept (a message, never a body). */
export const AUDIT_TEXT_MAX = 1024;

export function clip(value: string | null, max = AUDIT_TEXT_MAX): string | null {
  if (value === null) return null;
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function asRole(value: string | null): ApiRole | null {
  return value !== null && (API_ROLES as readonly string[]).includes(value) ? (value as ApiRole) : null;
}

export function toAuditEntryDto(row: AuditLogEntity): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    role: asRole(row.role),
    method: row.method,
    path: row.path,
    action: row.action,
    target: row.target,
    outcome: row.outcome as AuditOutcome,
    status: row.status,
    detail: row.detail,
  };
}

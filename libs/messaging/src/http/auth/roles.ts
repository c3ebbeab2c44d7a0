import { type ApiRole } from '@cloudwright/contracts';

/**
 * Who may do what. viewer reads; operator reads and deploys (submit, cancel, retry, roll back); approver reads and
 * decides approvals but cannot deploy (separation of duties); admin may do everything (policies, the audit log).
 * So a route needing `viewer` is open to every role, any other route to its own role and to admin.
 */
export function roleAllows(callerRole: ApiRole, required: ApiRole): boolean {
  return callerRole === 'admin' || required === 'viewer' || callerRole === required;
}

/** The roles a route needing `required` admits, for messages and the OpenAPI descriptions. */
export function rolesAdmitted(required: ApiRole): ApiRole[] {
  if (required === 'viewer') return ['viewer', 'operator', 'approver', 'admin'];
  if (required === 'admin') return ['admin'];
  return [required, 'admin'];
}

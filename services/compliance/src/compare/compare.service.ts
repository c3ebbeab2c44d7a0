import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError } from '@cloudwright/contracts';
import { type ScanReport } from '@cloudwright/compliance';
import { scanPlan, selectFrameworks } from '../scans/plan-scan';
import { compareWorkloads, type WorkloadComparison } from './workload-comparison';

const LABEL = /^[a-z0-9][a-z0-9._-]{0,31}$/;
const MAX_WORKLOADS = 8;

/** The same workload across clouds: each plan scanned (no waivers, no evidence), then compared. Nothing is stored. */
@Injectable()
export class CompareService {
  compare(input: unknown): WorkloadComparison {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'send { "workloads": { "aws": <plan JSON>, "azure": <plan JSON> }, "frameworks"?: [...] }');
    }
    const body = input as Record<string, unknown>;
    const errors: FieldError[] = [];
    for (const key of Object.keys(body)) if (!['workloads', 'frameworks'].includes(key)) errors.push({ path: key, message: 'unknown property' });
    const workloads = body.workloads;
    if (typeof workloads !== 'object' || workloads === null || Array.isArray(workloads)) {
      errors.push({ path: 'workloads', message: 'must be an object of label → plan JSON' });
    } else {
      const labels = Object.keys(workloads);
      if (labels.length < 2 || labels.length > MAX_WORKLOADS) errors.push({ path: 'workloads', message: `must hold 2 to ${MAX_WORKLOADS} workloads` });
      for (const label of labels) {
        if (!LABEL.test(label)) errors.push({ path: `workloads.${label}`, message: 'label must be lower-case letters, digits, ".", "_" or "-", at most 32 characters' });
        const plan = (workloads as Record<string, unknown>)[label];
        if (typeof plan !== 'object' && typeof plan !== 'string') errors.push({ path: `workloads.${label}`, message: 'must be a Terraform plan JSON document' });
      }
    }
    const frameworks = body.frameworks;
    if (frameworks !== undefined && (!Array.isArray(frameworks) || !frameworks.every((f) => typeof f === 'string'))) errors.push({ path: 'frameworks', message: 'must be a list of framework ids' });
    if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid comparison: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });

    const names = (frameworks as string[] | undefined)?.length ? (frameworks as string[]) : undefined;
    const selection = selectFrameworks(names);
    if (!selection.ok) throw new DomainError(selection.failure.code, selection.failure.message, selection.failure.details);
    const reports: Record<string, ScanReport> = {};
    for (const [label, plan] of Object.entries(workloads as Record<string, unknown>)) {
      const outcome = scanPlan(typeof plan === 'string' ? plan : JSON.stringify(plan), label, {
        ...(names ? { frameworks: selection.frameworks.map((f) => f.id) } : {}),
        includePassed: true,
        scannedBy: 'cloudwright/compliance (compare)',
      });
      if (!outcome.ok) {
        const { code, message, path } = outcome.failure;
        throw new DomainError(code, `workload ${label}: ${message}`, { workload: label, ...(path === undefined ? {} : { path }) });
      }
      reports[label] = outcome.report;
    }
    return compareWorkloads(reports);
  }
}

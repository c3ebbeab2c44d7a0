import { DomainError, ErrorCode, type CloudCompliancePostureV1, type ComplianceCompareCloudsReply } from '@cloudwright/contracts';
import { scanPlan, type ScanReport } from '@cloudwright/compliance';
import { PlanSourceError, loadPlanSource, type Cloud, type ParsedPlan, type PlanSource } from '@cloudwright/terraform-plan';
import { compareWorkloads } from '../../compare/workload-comparison';
import { selectFrameworks } from '../../scans/plan-scan';

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `ComplianceQuerySubjects.CompareClouds`: the compliance posture of a plan per cloud — the plan's resources of each
 * cloud scanned on their own (no waivers, no evidence) and compared like POST /compare does. Nothing is stored. Bad
 * input is VALIDATION_FAILED (NOT_FOUND for an unreadable plan reference) naming the field or JSON path.
 */
export async function compareCloudsForPlan(query: unknown, now: () => Date = () => new Date()): Promise<ComplianceCompareCloudsReply> {
  if (!isRecord(query)) throw new DomainError(ErrorCode.ValidationFailed, 'send { "plan": { "inline": <plan JSON> } or { "ref": { "uri", "sha256" } }, "frameworks"? }');
  const problems: string[] = [];
  const plan = query.plan;
  if (!isRecord(plan) || (plan.inline === undefined) === (plan.ref === undefined)) problems.push('plan: exactly one of plan.inline (the plan JSON) and plan.ref (where it was uploaded) is required');
  else if (plan.inline !== undefined && !isRecord(plan.inline)) problems.push('plan.inline: must be the Terraform plan JSON object');
  else if (plan.ref !== undefined && (!isRecord(plan.ref) || typeof plan.ref.uri !== 'string' || typeof plan.ref.sha256 !== 'string')) problems.push('plan.ref: must be { "uri": string, "sha256": string }');
  const frameworks = query.frameworks;
  if (frameworks !== undefined && (!Array.isArray(frameworks) || !frameworks.every((f) => typeof f === 'string'))) problems.push('frameworks: must be a list of framework ids');
  if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid compare-clouds query: ${problems.join('; ')}`, { errors: problems });

  const names = (frameworks as string[] | undefined)?.length ? (frameworks as string[]) : undefined;
  const selection = selectFrameworks(names);
  if (!selection.ok) throw new DomainError(selection.failure.code, selection.failure.message, selection.failure.details);

  let parsed: ParsedPlan;
  try {
    parsed = await loadPlanSource(plan as PlanSource);
  } catch (error) {
    if (error instanceof PlanSourceError) throw new DomainError(error.code === 'not-found' ? ErrorCode.NotFound : ErrorCode.ValidationFailed, error.message, { path: error.path });
    throw error;
  }

  const reports: Partial<Record<Cloud, ScanReport>> = {};
  for (const cloud of CLOUDS) {
    const resources = parsed.resources.filter((r) => r.cloud === cloud);
    if (resources.length === 0) continue;
    reports[cloud] = scanPlan({ ...parsed, resources }, { kind: 'terraform-plan', name: `plan (${cloud} resources)` }, {
      ...(names ? { frameworks: selection.frameworks.map((f) => f.id) } : {}),
      includePassed: true,
      now,
      scannedBy: 'cloudwright/compliance (compare-clouds)',
    });
  }
  const comparison = compareWorkloads(reports);
  return {
    clouds: comparison.workloads.map(
      (w): CloudCompliancePostureV1 => ({
        cloud: w.label as Cloud,
        resources: w.resources,
        score: w.overall,
        failing: { total: w.failing.total, ...w.failing.bySeverity },
        frameworks: w.frameworks,
      }),
    ),
    differingCategories: comparison.differingCategories,
  };
}

import { DomainError, ErrorCode, type CloudMonthlyCostV1, type CostCompareCloudsReply } from '@cloudwright/contracts';
import { CURRENCIES, Money, compareCloudCosts, isCurrency, type CloudCost, type Currency } from '@cloudwright/pricing';
import { PlanSourceError, loadPlanSource, type Cloud, type PlanSource } from '@cloudwright/terraform-plan';

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `CostQuerySubjects.CompareClouds`: the plan's workload priced on each cloud with libs/pricing's compareCloudCosts —
 * the plan as-is on the cloud most of its resources are written for, its mapped equivalents on the others. Nothing is
 * stored. Bad input is VALIDATION_FAILED (NOT_FOUND for an unreadable plan reference) naming the field or JSON path.
 */
export async function compareCloudsForPlan(query: unknown): Promise<CostCompareCloudsReply> {
  if (!isRecord(query)) throw new DomainError(ErrorCode.ValidationFailed, 'send { "plan": { "inline": <plan JSON> } or { "ref": { "uri", "sha256" } }, "currency"?, "clouds"? }');
  const problems: string[] = [];
  const plan = query.plan;
  if (!isRecord(plan) || (plan.inline === undefined) === (plan.ref === undefined)) problems.push('plan: exactly one of plan.inline (the plan JSON) and plan.ref (where it was uploaded) is required');
  else if (plan.inline !== undefined && !isRecord(plan.inline)) problems.push('plan.inline: must be the Terraform plan JSON object');
  else if (plan.ref !== undefined && (!isRecord(plan.ref) || typeof plan.ref.uri !== 'string' || typeof plan.ref.sha256 !== 'string')) problems.push('plan.ref: must be { "uri": string, "sha256": string }');
  if (query.currency !== undefined && !isCurrency(query.currency)) problems.push(`currency: ${JSON.stringify(query.currency)} must be one of ${CURRENCIES.join(', ')}`);
  const clouds = query.clouds;
  if (clouds !== undefined && (!Array.isArray(clouds) || clouds.length === 0 || !clouds.every((c) => CLOUDS.includes(c as Cloud)))) problems.push('clouds: must be a non-empty list of aws, azure, gcp');
  if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid compare-clouds query: ${problems.join('; ')}`, { errors: problems });

  let parsed;
  try {
    parsed = await loadPlanSource(plan as PlanSource);
  } catch (error) {
    if (error instanceof PlanSourceError) throw new DomainError(error.code === 'not-found' ? ErrorCode.NotFound : ErrorCode.ValidationFailed, error.message, { path: error.path });
    throw error;
  }
  const currency = (query.currency as Currency | undefined) ?? 'USD';
  let comparison;
  try {
    comparison = compareCloudCosts({ plan: parsed }, { currency, ...(clouds ? { clouds: clouds as Cloud[] } : {}) });
  } catch (error) {
    // compareCloudCosts reports input it cannot price (a plan without cloud resources) as RangeError
    if (error instanceof RangeError) throw new DomainError(ErrorCode.ValidationFailed, error.message, { path: '$.resource_changes' });
    throw error;
  }
  // The plan's own column prices the whole plan as-is (in a multi-cloud plan, the other clouds' resources too); only
  // its own cloud's resources with an equivalent elsewhere are priced on every cloud, so only they are comparable.
  const own = comparison.clouds.find((c) => c.basis === 'plan');
  const cloudOf = new Map(parsed.resources.map((r) => [r.address, r.cloud]));
  const notCompared = new Set(comparison.unmapped);
  for (const r of parsed.resources) if (r.mode === 'managed' && r.cloud && r.cloud !== own?.cloud && r.action !== 'delete') notCompared.add(r.address);
  const comparedItems = own ? own.items.filter((i) => i.resources.every((address) => cloudOf.get(address) === own.cloud && !notCompared.has(address))) : [];
  const comparable = (c: CloudCost): Money => (c.basis === 'plan' ? Money.sum(comparedItems.flatMap((i) => (i.monthlyCost ? [i.monthlyCost] : [])), c.total.currency) : c.total);
  return {
    currency: comparison.currency,
    clouds: comparison.clouds.map(
      (c): CloudMonthlyCostV1 => ({
        cloud: c.cloud,
        region: c.region,
        monthlyCost: c.total.toFixed(2),
        comparableMonthlyCost: comparable(c).toFixed(2),
        complete: c.complete,
        basis: c.basis,
        unpriced: c.items.flatMap((i) => i.unpriced),
      }),
    ),
    cheapest: comparison.cheapest,
    unmapped: [...notCompared],
    comparedResources: comparedItems.length,
    notes: comparison.notes,
  };
}

import { ErrorCode, type DeploymentPlanV1 } from '@cloudwright/contracts';
import { UsageFileError, defaultRegistry, estimatePlan, parseUsageFile, type Commitment, type CostEstimate, type Currency } from '@cloudwright/pricing';
import { PlanParseError, PlanSourceError, loadPlanSourceText, parsePlan } from '@cloudwright/terraform-plan';

export interface PricingRequest {
  /** The plan document (`terraform show -json`), already parsed from JSON. */
  plan: unknown;
  currency?: Currency;
  commitment?: Commitment;
  /** Usage file YAML text. */
  usage?: string;
}

export interface PricingFailure {
  code: typeof ErrorCode.ValidationFailed | typeof ErrorCode.NotFound | typeof ErrorCode.Internal;
  message: string;
  /** JSON path in the plan (`$.resource_changes[3].change`) or `usage.yml:line:column`. */
  path?: string;
}

export type PricingOutcome = { ok: true; estimate: CostEstimate } | { ok: false; failure: PricingFailure };

/**
 * Prices a plan with the pricing engine. Input problems (plan or usage file) and engine failures are returned, not
 * thrown: the deployment saga must always get an answer, and retrying a deterministic failure cannot help.
 */
export function pricePlan(request: PricingRequest): PricingOutcome {
  try {
    const plan = parsePlan(request.plan);
    const usage = request.usage === undefined ? undefined : parseUsageFile(request.usage, 'usage.yml', defaultRegistry().usageKeys());
    const estimate = estimatePlan(plan, { usage, currency: request.currency ?? 'USD', commitment: request.commitment ?? 'on-demand' });
    return { ok: true, estimate };
  } catch (error) {
    if (error instanceof PlanParseError) {
      return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: `the plan cannot be read: ${error.message}`, path: error.path } };
    }
    if (error instanceof UsageFileError) {
      const first = error.problems[0];
      return {
        ok: false,
        failure: {
          code: ErrorCode.ValidationFailed,
          message: `the usage file is invalid: ${error.message}`,
          ...(first ? { path: `${error.file}:${first.line}:${first.column}` } : {}),
        },
      };
    }
    return { ok: false, failure: { code: ErrorCode.Internal, message: `the pricing engine failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/**
 * The plan document of a command: inline, or a `file://` reference whose bytes must match its sha256 (the shared
 * loader of libs/terraform-plan; other schemes need an object-store port that does not exist yet).
 */
export async function loadPlanDocument(plan: DeploymentPlanV1): Promise<{ ok: true; doc: unknown } | { ok: false; failure: PricingFailure }> {
  if (plan.inline !== undefined) return { ok: true, doc: plan.inline };
  let loaded: { text: string; name: string };
  try {
    loaded = await loadPlanSourceText(plan);
  } catch (error) {
    if (!(error instanceof PlanSourceError)) throw error;
    return { ok: false, failure: { code: error.code === 'not-found' ? ErrorCode.NotFound : ErrorCode.ValidationFailed, message: error.message, path: error.path } };
  }
  try {
    return { ok: true, doc: JSON.parse(loaded.text) as unknown };
  } catch (error) {
    return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: `plan.ref ${loaded.name} is not JSON: ${(error as Error).message}`, path: '$' } };
  }
}

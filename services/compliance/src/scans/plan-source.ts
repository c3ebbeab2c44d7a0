import { ErrorCode, type DeploymentPlanV1 } from '@cloudwright/contracts';
import { PlanSourceError, loadPlanSourceText, planSourceDigest } from '@cloudwright/terraform-plan';

/** Why a scan could not run: returned (never thrown) so the saga always gets an answer. */
export interface ScanFailure {
  code: typeof ErrorCode.ValidationFailed | typeof ErrorCode.NotFound | typeof ErrorCode.Internal;
  message: string;
  /** JSON path in the plan (`$.resource_changes[3].change`), or of the plan reference. */
  path?: string;
  details?: Record<string, unknown>;
}

export type PlanText = { ok: true; text: string; name: string } | { ok: false; failure: ScanFailure };

/** The plan's text for an inline plan (its JSON, as the engine digests it). */
export function inlinePlanText(inline: unknown): string {
  return JSON.stringify(inline);
}

/**
 * Digest of a command's plan without reading it: the reference's declared sha256 (checked when read), or the sha256
 * of the inline plan's JSON — the same value the engine records as `audit.source.sha256`.
 */
export function planDigest(plan: DeploymentPlanV1): string {
  return planSourceDigest(plan);
}

/** The plan text of a command (inline, or a `file://` reference checked against its sha256), through the shared loader. */
export async function loadPlanText(plan: DeploymentPlanV1): Promise<PlanText> {
  try {
    const { text, name } = await loadPlanSourceText(plan);
    return { ok: true, text, name };
  } catch (error) {
    if (!(error instanceof PlanSourceError)) throw error;
    return { ok: false, failure: { code: error.code === 'not-found' ? ErrorCode.NotFound : ErrorCode.ValidationFailed, message: error.message, path: error.path } };
  }
}

import { ErrorCode } from '@cloudwright/contracts';
import { UnknownFrameworkError, resolveFrameworks, scanPlanText, type Framework, type ScanOptions, type ScanReport } from '@cloudwright/compliance';
import { PlanParseError } from '@cloudwright/terraform-plan';
import { type ScanFailure } from './plan-source';

export type PlanScanOutcome = { ok: true; report: ScanReport } | { ok: false; failure: ScanFailure };
export type FrameworkSelection = { ok: true; frameworks: Framework[] } | { ok: false; failure: ScanFailure };

/** Resolves framework ids or aliases (none = every framework); an unknown name is VALIDATION_FAILED listing the valid ones. */
export function selectFrameworks(names: readonly string[] | undefined): FrameworkSelection {
  try {
    return { ok: true, frameworks: resolveFrameworks(names) };
  } catch (error) {
    if (error instanceof UnknownFrameworkError) {
      return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: error.message, details: { unknown: [...error.names], valid: [...error.valid] } } };
    }
    throw error;
  }
}

/**
 * Runs the rule engine over a plan's text. Input problems and engine failures are returned, not thrown: a plan that
 * cannot be read is VALIDATION_FAILED with the JSON path; a rule that crashes is INTERNAL (retrying cannot help).
 */
export function scanPlan(text: string, sourceName: string, options: ScanOptions): PlanScanOutcome {
  try {
    return { ok: true, report: scanPlanText(text, sourceName, options) };
  } catch (error) {
    if (error instanceof PlanParseError) {
      return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: `the plan cannot be read: ${error.message}`, path: error.path } };
    }
    if (error instanceof UnknownFrameworkError) {
      return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: error.message, details: { unknown: [...error.names], valid: [...error.valid] } } };
    }
    return { ok: false, failure: { code: ErrorCode.Internal, message: `the rule engine failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

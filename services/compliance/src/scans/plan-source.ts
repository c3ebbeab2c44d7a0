import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ErrorCode, type DeploymentPlanV1 } from '@cloudwright/contracts';

/** Why a scan could not run: returned (never thrown) so the saga always gets an answer. */
export interface ScanFailure {
  code: typeof ErrorCode.ValidationFailed | typeof ErrorCode.NotFound | typeof ErrorCode.Internal;
  message: string;
  /** JSON path in the plan (`$.resource_changes[3].change`), or of the plan reference. */
  path?: string;
  details?: Record<string, unknown>;
}

export type PlanText = { ok: true; text: string; name: string } | { ok: false; failure: ScanFailure };

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The plan's text for an inline plan (its JSON, as the engine digests it). */
export function inlinePlanText(inline: unknown): string {
  return JSON.stringify(inline);
}

/**
 * Digest of a command's plan without reading it: the reference's declared sha256 (checked when read), or the sha256
 * of the inline plan's JSON — the same value the engine records as `audit.source.sha256`.
 */
export function planDigest(plan: DeploymentPlanV1): string {
  return plan.ref ? plan.ref.sha256 : sha256(inlinePlanText(plan.inline));
}

/**
 * The plan text of a command: inline, or a `file://` reference whose bytes must match its sha256. Other reference
 * schemes (s3://, gs://, https://, azblob://) need an object-store port this service does not have yet: NOT_FOUND.
 */
export async function loadPlanText(plan: DeploymentPlanV1): Promise<PlanText> {
  if (!plan.ref) return { ok: true, text: inlinePlanText(plan.inline), name: 'plan.inline' };
  const ref = plan.ref;
  if (!ref.uri.startsWith('file://')) {
    return { ok: false, failure: { code: ErrorCode.NotFound, message: `plan.ref ${ref.uri}: only file:// plan references can be read by the compliance service`, path: '$.plan.ref.uri' } };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(fileURLToPath(ref.uri));
  } catch (error) {
    return { ok: false, failure: { code: ErrorCode.NotFound, message: `plan.ref ${ref.uri} cannot be read: ${(error as Error).message}`, path: '$.plan.ref.uri' } };
  }
  const digest = sha256(bytes);
  if (digest !== ref.sha256) {
    return { ok: false, failure: { code: ErrorCode.ValidationFailed, message: `plan.ref ${ref.uri} has sha256 ${digest}, not the declared ${ref.sha256}`, path: '$.plan.ref.sha256' } };
  }
  return { ok: true, text: bytes.toString('utf8'), name: ref.uri };
}

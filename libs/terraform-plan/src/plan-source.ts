import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PlanParseError, parsePlanText } from './parse-plan';
import { type ParsedPlan } from './model';

/** How a command or request carries a plan: inline JSON, or a reference to where the publisher stored it. */
export interface PlanSource {
  inline?: Record<string, unknown>;
  ref?: { uri: string; sha256: string; sizeBytes?: number };
}

/** Why a plan could not be loaded. `path` is a JSON path in the plan or in the request (`$.plan.ref.uri`). */
export class PlanSourceError extends Error {
  override readonly name = 'PlanSourceError';
  constructor(
    readonly code: 'not-found' | 'invalid',
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Digest of a plan without reading it: the reference's declared sha256, or the sha256 of the inline plan's JSON. */
export function planSourceDigest(source: PlanSource): string {
  return source.ref ? source.ref.sha256 : sha256(JSON.stringify(source.inline ?? null));
}

/**
 * The plan's JSON text: inline, or a `file://` reference whose bytes must match its declared sha256. Other schemes
 * (s3://, gs://, https://, azblob://) need an object-store port that does not exist yet: 'not-found' saying so.
 */
export async function loadPlanSourceText(source: PlanSource, what = 'plan'): Promise<{ text: string; name: string }> {
  if (!source.ref) {
    if (source.inline === undefined) throw new PlanSourceError('invalid', `${what} has neither inline nor ref`, `$.${what}`);
    return { text: JSON.stringify(source.inline), name: `${what}.inline` };
  }
  const { uri, sha256: declared } = source.ref;
  if (!uri.startsWith('file://')) {
    throw new PlanSourceError('not-found', `${what}.ref ${uri}: only file:// plan references can be read here (no object-store adapter yet)`, `$.${what}.ref.uri`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(fileURLToPath(uri));
  } catch (error) {
    throw new PlanSourceError('not-found', `${what}.ref ${uri} cannot be read: ${(error as Error).message}`, `$.${what}.ref.uri`);
  }
  const digest = sha256(bytes);
  if (digest !== declared) throw new PlanSourceError('invalid', `${what}.ref ${uri} has sha256 ${digest}, not the declared ${declared}`, `$.${what}.ref.sha256`);
  return { text: bytes.toString('utf8'), name: uri };
}

/** Loads and parses a plan; a malformed plan throws PlanSourceError('invalid') with the JSON path of the problem. */
export async function loadPlanSource(source: PlanSource, what = 'plan'): Promise<ParsedPlan> {
  const { text } = await loadPlanSourceText(source, what);
  try {
    return parsePlanText(text);
  } catch (error) {
    if (error instanceof PlanParseError) throw new PlanSourceError('invalid', `the plan cannot be read: ${error.message}`, error.path);
    throw error;
  }
}

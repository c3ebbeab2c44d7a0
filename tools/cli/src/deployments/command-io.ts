import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isDomainError } from '@cloudwright/contracts';
import { UsageError } from '../common/connection';
import { ApiConnectionError, ApiError, DeploymentsApiClient, resolveApiTarget } from './api-client';
import { type RenderOptions } from './deployment-render';
import { parseDuration } from './duration';

/** What a deployment command reads and writes, injectable so tests run the real command in-process. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  env: NodeJS.ProcessEnv;
  /** Platform data dir (api-url / api-token files); default: the repository's .cloudwright. */
  dataDir?: string;
  now: () => Date;
  render?: RenderOptions;
  /** Poll interval of --wait and of the request-key lookup (tests shorten it). */
  pollIntervalMs?: number;
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
  };
}

export const API_OPTIONS = {
  api: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const API_USAGE = `API: --api <url> (else CW_API_URL, else the URL \`cloudwright up\` recorded, else http://127.0.0.1:8080),
     --token <token> (else CW_API_TOKEN, else the admin token \`cloudwright up\` wrote to .cloudwright/api-token)`;

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export type TextOrJson = 'text' | 'json';

export function parseTextOrJson(value: string | undefined): TextOrJson {
  const v = value ?? 'text';
  if (v === 'table') return 'text';
  if (v !== 'text' && v !== 'json') throw new UsageError(`--output must be text or json (got "${v}")`);
  return v;
}

/** `--timeout` is only meaningful with `--wait`. */
export function parseTimeout(value: string | undefined, wait: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!wait) throw new UsageError('--timeout only applies with --wait');
  return parseDuration(value, '--timeout');
}

/** Exactly one positional deployment id (a UUID). */
export function oneId(positionals: string[], what = '<deployment id>'): string {
  if (positionals.length === 0) throw new UsageError(`${what} is required`);
  if (positionals.length > 1) throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(' ')}`);
  const id = positionals[0] ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new UsageError(`${what} "${id}" is not a deployment id (a UUID)`);
  return id;
}

export function createClient(values: { api?: string; token?: string }, io: CommandIo): DeploymentsApiClient {
  return new DeploymentsApiClient(resolveApiTarget({ api: values.api, token: values.token }, io.env, io.dataDir));
}

/**
 * Runs one command body, turning errors into exit code 1 with one clear line on stderr (and the usage for a
 * usage error). Any other exit code comes from the body.
 */
export async function guard(name: string, usage: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) io.stderr(`cloudwright ${name}: ${error.message}\n\n${usage}\n`);
    else if (error instanceof ApiError || error instanceof ApiConnectionError || isDomainError(error)) io.stderr(`cloudwright ${name}: ${error.message}\n`);
    else io.stderr(`cloudwright ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

import { UsageError } from '../common/connection';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/** Longest `--timeout` accepted (7 days): beyond it a typo is likelier than intent. */
export const MAX_DURATION_MS = 7 * 86_400_000;

/**
 * Parses a duration such as `90s`, `15m`, `1h`, `1h30m` or `500ms` into milliseconds. `flag` names the option in
 * the error (`--timeout "15" needs a unit: 90s, 15m, 1h`).
 */
export function parseDuration(text: string, flag = '--timeout'): number {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`${flag} "${text}" needs a unit: e.g. 90s, 15m, 1h`);
  if (!WHOLE.test(value)) throw new UsageError(`${flag} "${text}" is not a duration: use e.g. 90s, 15m, 1h or 1h30m (units ms, s, m, h, d)`);
  let total = 0;
  for (const match of value.matchAll(PART)) total += Number(match[1]) * UNIT_MS[match[2] ?? 's'];
  if (total <= 0) throw new UsageError(`${flag} "${text}" must be longer than zero`);
  if (total > MAX_DURATION_MS) throw new UsageError(`${flag} "${text}" is longer than the maximum of 7d`);
  return Math.round(total);
}

/** `400` → `0.4s`; `72500` → `1m 13s`; `3723000` → `1h 2m 3s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 59_950) {
    const text = (ms / 1_000).toFixed(1);
    return `${text.endsWith('.0') ? text.slice(0, -2) : text}s`;
  }
  const total = Math.round(ms / 1_000);
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  return `${hours ? `${hours}h ` : ''}${minutes}m ${total % 60}s`;
}

import { readFileSync } from 'node:fs';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn(0..n-1)` with at most `window` promises in flight (a window is awaited before the next starts). */
export async function inWindows(n: number, window: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < n; start += window) {
    const end = Math.min(n, start + window);
    const batch: Promise<unknown>[] = [];
    for (let i = start; i < end; i++) batch.push(fn(i));
    await Promise.all(batch);
  }
}

/** Polls `check` every `everyMs` until it is true; false when `timeoutMs` passed first. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/** VmRSS of a process in MB (undefined when /proc has no such process). */
export function rssMb(pid: number | 'self' = 'self'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const fmtInt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const fmtMs = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
export const fmtPct = (n: number): string => (Number.isFinite(n) ? `${(n * 100).toFixed(0)} %` : 'n/a');

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

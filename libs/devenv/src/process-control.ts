import { setTimeout as sleep } from 'node:timers/promises';

/** True when a process with this pid exists (signal 0 probe; EPERM means it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

export type StopOutcome = 'stopped' | 'killed' | 'not-running';

/**
 * Sends `signal`, waits up to `timeoutMs` for the process to exit, then SIGKILLs it.
 * Note: a child process of ours that exited but was not reaped yet still looks alive; callers that own the
 * ChildProcess should wait for its 'exit' event instead.
 */
export async function stopProcess(pid: number, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<StopOutcome> {
  if (!isProcessAlive(pid)) return 'not-running';
  try {
    process.kill(pid, signal);
  } catch {
    return 'not-running';
  }
  if (await waitForExit(pid, timeoutMs)) return 'stopped';
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  await waitForExit(pid, 5_000);
  return 'killed';
}

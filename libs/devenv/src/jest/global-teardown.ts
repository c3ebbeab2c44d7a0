import { type Infrastructure } from '../resolve-infrastructure';
import { INFRASTRUCTURE_HANDLE } from './global-setup';

/** Stops whatever global-setup started (nothing when it used CW_* or the local servers). */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  const infrastructure = globals[INFRASTRUCTURE_HANDLE] as Infrastructure | undefined;
  delete globals[INFRASTRUCTURE_HANDLE];
  await infrastructure?.stop();
}

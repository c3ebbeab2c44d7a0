import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Walks up from `startDir` to the package.json that declares npm `workspaces` (the monorepo root). */
export function findRepoRoot(startDir: string): string {
  let dir = startDir;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces !== undefined) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json with "workspaces" above ${startDir}: run Cloudwright from inside its repository.`);
    }
    dir = parent;
  }
}

/** `<repo>/.cloudwright`: the default folder for data of servers started by devenv and its runtime.json. */
export function defaultDataDir(startDir: string = __dirname): string {
  return join(findRepoRoot(startDir), '.cloudwright');
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENT_DOCS_DIR, EVENT_SCHEMAS_DIR } from '@cloudwright/contracts';

export interface EventDocsDrift {
  /** Generated but absent on disk. */
  missing: string[];
  /** On disk with other content. */
  differs: string[];
  /** Generated schema files on disk that the contracts no longer produce. */
  stale: string[];
}

/** Schema files currently on disk, relative to the docs folder. */
function schemaFilesOnDisk(docsDir: string): string[] {
  const dir = join(docsDir, EVENT_SCHEMAS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => `${EVENT_SCHEMAS_DIR}/${name}`);
}

/** Compares the generated files (relative to docs/events) with the repository. */
export function eventDocsDrift(root: string, files: ReadonlyMap<string, string>): EventDocsDrift {
  const docsDir = join(root, EVENT_DOCS_DIR);
  const drift: EventDocsDrift = { missing: [], differs: [], stale: [] };
  for (const [path, content] of files) {
    const full = join(docsDir, path);
    if (!existsSync(full)) drift.missing.push(path);
    else if (readFileSync(full, 'utf8') !== content) drift.differs.push(path);
  }
  drift.stale = schemaFilesOnDisk(docsDir)
    .filter((path) => !files.has(path))
    .sort();
  return drift;
}

export function hasDrift(drift: EventDocsDrift): boolean {
  return drift.missing.length + drift.differs.length + drift.stale.length > 0;
}

/** Writes the generated files and deletes stale schema files; returns what changed (paths relative to the root). */
export function writeEventDocs(root: string, files: ReadonlyMap<string, string>): { written: string[]; deleted: string[] } {
  const docsDir = join(root, EVENT_DOCS_DIR);
  const drift = eventDocsDrift(root, files);
  const changed = new Set([...drift.missing, ...drift.differs]);
  for (const [path, content] of files) {
    if (!changed.has(path)) continue;
    const full = join(docsDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  for (const path of drift.stale) rmSync(join(docsDir, path));
  const relative = (path: string) => `${EVENT_DOCS_DIR}/${path}`;
  return { written: [...changed].sort().map(relative), deleted: drift.stale.map(relative) };
}

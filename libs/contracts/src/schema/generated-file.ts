import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Writes a generated file (an OpenAPI document…), or with `check` only compares it with the committed copy: prints
 * what it did and returns the exit code (1 when the committed copy differs, naming `command` to regenerate it).
 */
export function syncGeneratedFile(file: string, text: string, options: { check: boolean; command: string; source: string }): number {
  const where = relative(process.cwd(), file);
  if (options.check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing: reported as differing below
    }
    if (current === text) {
      console.log(`${where} is up to date`);
      return 0;
    }
    console.error(`${where} differs from ${options.source}; run: ${options.command}`);
    return 1;
  }
  writeFileSync(file, text);
  console.log(`wrote ${where}`);
  return 0;
}

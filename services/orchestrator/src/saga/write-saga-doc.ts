import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@cloudwright/devenv';
import { sagaDoc } from './saga-doc';

/** Writes docs/saga.md (`npm run saga:diagram`); with --check, exits 1 when the committed file is out of date. */
const file = join(findRepoRoot(__dirname), 'docs/saga.md');
if (process.argv.includes('--check')) {
  let current: string;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = '';
  }
  if (current !== sagaDoc()) {
    console.error('docs/saga.md is out of date: run `npm run saga:diagram`');
    process.exit(1);
  }
  console.log('docs/saga.md is current');
} else {
  writeFileSync(file, sagaDoc());
  console.log(`wrote ${file}`);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@cloudwright/devenv';
import { sagaDoc } from './saga-doc';
import { TRANSITIONS } from './state-machine';

describe('docs/saga.md', () => {
  it('is generated from the current state machine (run `npm run saga:diagram` after changing it)', () => {
    expect(readFileSync(join(findRepoRoot(__dirname), 'docs/saga.md'), 'utf8')).toBe(sagaDoc());
  });

  it('lists every transition in its table', () => {
    const doc = sagaDoc();
    for (const t of TRANSITIONS) expect(doc).toContain(`| ${t.from} | ${t.to} | ${t.on} |`);
  });
});

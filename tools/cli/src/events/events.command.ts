import { EVENT_DOCS_DIR, EVENT_DOCS_GENERATE_COMMAND, generateEventDocs } from '@cloudwright/contracts';
import { type CliCommand } from '../command';
import { findRepoRoot } from '@cloudwright/devenv';
import { eventDocsDrift, hasDrift, writeEventDocs } from './event-docs-sync';

const USAGE = `usage: cloudwright events <generate|check>

  generate  write the JSON Schemas, the AsyncAPI document and the README of ${EVENT_DOCS_DIR}/ from libs/contracts,
            deleting schema files of events that no longer exist
  check     exit 1 when ${EVENT_DOCS_DIR}/ differs from what generate would write (for CI)

exit codes: 0 ok (or nothing to change), 1 usage error or ${EVENT_DOCS_DIR}/ out of date`;

function generate(): number {
  const root = findRepoRoot(process.cwd());
  const { written, deleted } = writeEventDocs(root, generateEventDocs());
  if (!written.length && !deleted.length) {
    console.log(`${EVENT_DOCS_DIR}/ is up to date`);
    return 0;
  }
  for (const path of written) console.log(`wrote   ${path}`);
  for (const path of deleted) console.log(`deleted ${path} (stale)`);
  return 0;
}

function check(): number {
  const root = findRepoRoot(process.cwd());
  const drift = eventDocsDrift(root, generateEventDocs());
  if (!hasDrift(drift)) {
    console.log(`${EVENT_DOCS_DIR}/ is up to date`);
    return 0;
  }
  console.error(`${EVENT_DOCS_DIR}/ does not match libs/contracts:`);
  for (const path of drift.missing) console.error(`  missing  ${EVENT_DOCS_DIR}/${path}`);
  for (const path of drift.differs) console.error(`  differs  ${EVENT_DOCS_DIR}/${path}`);
  for (const path of drift.stale) console.error(`  stale    ${EVENT_DOCS_DIR}/${path}`);
  console.error(`run ${EVENT_DOCS_GENERATE_COMMAND} and commit`);
  return 1;
}

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: `generate or check the event documents in ${EVENT_DOCS_DIR}/ (JSON Schemas, AsyncAPI)`,
  run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      console.log(USAGE);
      return Promise.resolve(0);
    }
    if (rest.length) {
      console.error(`cloudwright events ${sub ?? ''}: unexpected arguments ${rest.join(' ')}\n\n${USAGE}`);
      return Promise.resolve(1);
    }
    if (sub === 'generate') return Promise.resolve(generate());
    if (sub === 'check') return Promise.resolve(check());
    console.error(`${sub ? `cloudwright events: unknown subcommand "${sub}"` : 'cloudwright events: a subcommand is required'}\n\n${USAGE}`);
    return Promise.resolve(1);
  },
};

import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { toJsonFile } from '@cloudwright/contracts';
import { buildCostTrackerOpenApi, COST_TRACKER_OPENAPI_FILE, COST_TRACKER_OPENAPI_WRITE_COMMAND } from './cost-tracker-openapi';

/** Writes docs/cost-tracker.openapi.json from the code; `--check` only compares and exits 1 when the committed file differs. */
function main(argv: string[]): number {
  const text = toJsonFile(buildCostTrackerOpenApi());
  const where = relative(process.cwd(), COST_TRACKER_OPENAPI_FILE);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(COST_TRACKER_OPENAPI_FILE, 'utf8');
    } catch {
      // missing: reported as differing below
    }
    if (current === text) {
      console.log(`${where} is up to date`);
      return 0;
    }
    console.error(`${where} differs from the cost-tracker's route list; run: ${COST_TRACKER_OPENAPI_WRITE_COMMAND}`);
    return 1;
  }
  writeFileSync(COST_TRACKER_OPENAPI_FILE, text);
  console.log(`wrote ${where}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

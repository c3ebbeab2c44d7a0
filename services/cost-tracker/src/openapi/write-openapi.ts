import { syncGeneratedFile, toJsonFile } from '@cloudwright/contracts';
import { buildCostTrackerOpenApi, COST_TRACKER_OPENAPI_FILE, COST_TRACKER_OPENAPI_WRITE_COMMAND } from './cost-tracker-openapi';

/** Writes docs/cost-tracker.openapi.json from the code; `--check` only compares and exits 1 when the committed file differs. */
process.exitCode = syncGeneratedFile(COST_TRACKER_OPENAPI_FILE, toJsonFile(buildCostTrackerOpenApi()), { check: process.argv.includes('--check'), command: COST_TRACKER_OPENAPI_WRITE_COMMAND, source: "the cost-tracker's route list" });

import { syncGeneratedFile, toJsonFile } from '@cloudwright/contracts';
import { buildComplianceOpenApi, COMPLIANCE_OPENAPI_FILE, COMPLIANCE_OPENAPI_WRITE_COMMAND } from './compliance-openapi';

/** Writes docs/compliance.openapi.json from the code; `--check` only compares and exits 1 when the committed file differs. */
process.exitCode = syncGeneratedFile(COMPLIANCE_OPENAPI_FILE, toJsonFile(buildComplianceOpenApi()), { check: process.argv.includes('--check'), command: COMPLIANCE_OPENAPI_WRITE_COMMAND, source: "the compliance service's route list" });

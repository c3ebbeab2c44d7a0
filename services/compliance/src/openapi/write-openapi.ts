import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { toJsonFile } from '@cloudwright/contracts';
import { buildComplianceOpenApi, COMPLIANCE_OPENAPI_FILE, COMPLIANCE_OPENAPI_WRITE_COMMAND } from './compliance-openapi';

/** Writes docs/compliance.openapi.json from the code; `--check` only compares and exits 1 when the committed file differs. */
function main(argv: string[]): number {
  const text = toJsonFile(buildComplianceOpenApi());
  const where = relative(process.cwd(), COMPLIANCE_OPENAPI_FILE);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(COMPLIANCE_OPENAPI_FILE, 'utf8');
    } catch {
      // missing: reported as differing below
    }
    if (current === text) {
      console.log(`${where} is up to date`);
      return 0;
    }
    console.error(`${where} differs from the compliance service's route list; run: ${COMPLIANCE_OPENAPI_WRITE_COMMAND}`);
    return 1;
  }
  writeFileSync(COMPLIANCE_OPENAPI_FILE, text);
  console.log(`wrote ${where}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

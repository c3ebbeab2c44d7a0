import 'reflect-metadata';
import { toJsonFile } from '@cloudwright/contracts';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildOpenApiDocument, OPENAPI_FILE, OPENAPI_WRITE_COMMAND } from './openapi-document';

/**
 * Writes docs/openapi.json from the code; `--check` only compares and exits 1 when the committed file differs.
 * Run: node -r ./libs/messaging/src/__tests__/swc-register.js services/orchestrator/src/api/openapi/write-openapi.ts [--check]
 */
function main(argv: string[]): number {
  const text = toJsonFile(buildOpenApiDocument());
  const where = relative(process.cwd(), OPENAPI_FILE);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // missing: reported as differing below
    }
    if (current === text) {
      console.log(`${where} is up to date`);
      return 0;
    }
    console.error(`${where} differs from the API's route table; run: ${OPENAPI_WRITE_COMMAND}`);
    return 1;
  }
  writeFileSync(OPENAPI_FILE, text);
  console.log(`wrote ${where}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

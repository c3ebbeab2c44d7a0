import 'reflect-metadata';
import { syncGeneratedFile, toJsonFile } from '@cloudwright/contracts';
import { buildOpenApiDocument, OPENAPI_FILE, OPENAPI_WRITE_COMMAND } from './openapi-document';

/** Writes docs/openapi.json from the code; `--check` only compares and exits 1 when the committed file differs. */
process.exitCode = syncGeneratedFile(OPENAPI_FILE, toJsonFile(buildOpenApiDocument()), { check: process.argv.includes('--check'), command: OPENAPI_WRITE_COMMAND, source: "the API's route table" });

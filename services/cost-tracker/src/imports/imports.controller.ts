import { Readable } from 'node:stream';
import { Body, Controller, Get, Headers, HttpCode, Injectable, Param, ParseUUIDPipe, Post, Query, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { CostImportsService, type ImportResultDto } from './cost-imports.service';
import { ApiAccess } from '@cloudwright/messaging';

/** CSV content types whose request body is handed to the import as a stream (never buffered). */
export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv', 'application/octet-stream'];

interface FastifyLike {
  addContentTypeParser(types: string[], parser: (req: unknown, payload: Readable, done: (err: Error | null, body?: unknown) => void) => void): void;
}

/** Lets Fastify pass CSV bodies through as streams (registered before the server starts listening). */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance<FastifyLike>();
    if (!instance || typeof instance.addContentTypeParser !== 'function') return;
    instance.addContentTypeParser(CSV_CONTENT_TYPES, (_req, payload, done) => done(null, payload));
  }
}

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1';

/**
 * HTTP adapter of FOCUS imports. `POST /imports` with `{ "path": "/data/focus.csv", "skipInvalid"?: true }`, or the
 * CSV itself as a `text/csv` body streamed into the import (`?fileName=…&skipInvalid=true`). 201 with the result
 * (imported, duplicate) or 422 with the report (rejected: every bad row with its line).
 */
@ApiAccess('viewer')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: CostImportsService) {}

  @Post()
  @ApiAccess('admin')
  @HttpCode(200)
  async import(@Body() body: unknown, @Headers('content-type') contentType?: string, @Query('fileName') fileName?: string, @Query('skipInvalid') skipInvalid?: string): Promise<ImportResultDto> {
    const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let result: ImportResultDto;
    if (CSV_CONTENT_TYPES.includes(type)) {
      if (!(body instanceof Readable)) throw new DomainError(ErrorCode.ValidationFailed, 'the CSV body could not be read as a stream');
      result = await this.imports.import({ kind: 'upload', stream: body, fileName: fileName ?? 'upload.csv' }, { skipInvalid: flag(skipInvalid) });
    } else {
      if (typeof body !== 'object' || body === null) throw new DomainError(ErrorCode.ValidationFailed, 'send { "path": "<FOCUS CSV path>" } as JSON, or the CSV itself as text/csv');
      const request = body as { path?: unknown; skipInvalid?: unknown };
      result = await this.imports.import({ kind: 'path', path: request.path as string }, { skipInvalid: flag(request.skipInvalid) || flag(skipInvalid) });
    }
    if (result.status === 'rejected') {
      throw new DomainError(ErrorCode.ValidationFailed, `${result.fileName}: ${result.report.message ?? 'rejected'}`, { ...result });
    }
    return result;
  }

  @Get()
  list(@Query('limit') limit?: string): Promise<ImportResultDto[]> {
    const n = limit === undefined ? 50 : Number(limit);
    if (!Number.isInteger(n) || n < 1) throw new DomainError(ErrorCode.ValidationFailed, 'limit must be a positive integer');
    return this.imports.list(n);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportResultDto> {
    return this.imports.get(id);
  }
}

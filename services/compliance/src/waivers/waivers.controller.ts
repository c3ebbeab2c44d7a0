import { Body, Controller, Delete, Get, Headers, HttpCode, Injectable, Param, ParseUUIDPipe, Post, Query, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { flagParam } from '../common/http/query-params';
import { type WaiverDto } from './waiver.mapper';
import { WaiversService, type WaiverImport } from './waivers.service';
import { ApiAccess } from '@cloudwright/messaging';

/** YAML content types read as text (waiver files). */
export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

interface FastifyLike {
  addContentTypeParser(types: string[], options: { parseAs: 'string' }, parser: (req: unknown, body: string, done: (err: Error | null, body?: unknown) => void) => void): void;
}

/** Lets Fastify hand YAML bodies over as text (registered before the server starts listening). */
@Injectable()
export class YamlBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance<FastifyLike>();
    if (!instance || typeof instance.addContentTypeParser !== 'function') return;
    instance.addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
}

/**
 * HTTP adapter of waivers. `POST /waivers` takes one waiver as JSON; `POST /waivers/import` a waiver file as YAML
 * text (`?stack&environment&file`), or `{ text, file?, stack?, environment? }` as JSON.
 */
@ApiAccess('viewer')
@Controller('waivers')
export class WaiversController {
  constructor(private readonly waivers: WaiversService) {}

  @Post()
  @ApiAccess('approver')
  create(@Body() body: unknown): Promise<WaiverDto> {
    return this.waivers.create(body);
  }

  @Post('import')
  @ApiAccess('approver')
  @HttpCode(200)
  import(
    @Body() body: unknown,
    @Headers('content-type') contentType?: string,
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
    @Query('file') file?: string,
  ): Promise<{ file: string; imported: number; waivers: WaiverDto[] }> {
    const scope = { ...(stack ? { stack } : {}), ...(environment ? { environment } : {}), ...(file ? { file } : {}) };
    if (typeof body === 'string') return this.waivers.import({ text: body, ...scope });
    const json = (contentType ?? '').toLowerCase().startsWith('application/json');
    if (!json || typeof body !== 'object' || body === null) {
      throw new DomainError(ErrorCode.ValidationFailed, 'send the waiver file as YAML text (content-type application/yaml), or { "text": "<YAML>", "file"?, "stack"?, "environment"? }');
    }
    return this.waivers.import({ ...(body as WaiverImport), ...scope });
  }

  @Get()
  list(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('includeExpired') includeExpired?: string): Promise<WaiverDto[]> {
    return this.waivers.list({ stack, environment, includeExpired: flagParam(includeExpired) });
  }

  @Delete(':id')
  @ApiAccess('approver')
  delete(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ deleted: true; id: string }> {
    return this.waivers.delete(id);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { flagParam, limitParam, listParam, nameParam } from '../common/http/query-params';
import { type ScanDetailDto, type ScanSummaryDto } from './compliance-scan.mapper';
import { ComplianceScansService, type ScanResultDto } from './compliance-scans.service';
import { ApiAccess } from '@cloudwright/messaging';

/**
 * HTTP adapter of scans. `POST /scans` takes the plan JSON itself (`terraform show -json`; as text with `content-type: text/plain`; with `?stack&environment&
 * frameworks&includePassed`) or `{ plan, stack?, environment?, frameworks?, includePassed?, evidence? }`, and returns
 * the report with the gate; with stack and environment the scan is stored (history, trends, alerts).
 */
@ApiAccess('viewer')
@Controller('scans')
export class ScansController {
  constructor(private readonly scans: ComplianceScansService) {}

  @Post()
  @ApiAccess('operator')
  @HttpCode(200)
  scan(
    @Body() body: unknown,
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
    @Query('frameworks') frameworks?: string | string[],
    @Query('includePassed') includePassed?: string,
  ): Promise<ScanResultDto> {
    // a text body (content-type text/plain) is the plan's text: JSON syntax errors come back with line and column
    if (typeof body === 'string') body = { plan: body };
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'the body must be a Terraform plan JSON object, or { "plan": … }');
    }
    const isPlan = 'resource_changes' in body || 'format_version' in body;
    const request: Record<string, unknown> = isPlan ? { plan: body } : { ...(body as Record<string, unknown>) };
    const names = listParam(frameworks);
    const passed = flagParam(includePassed);
    return this.scans.scan(
      {
        ...request,
        ...(stack ? { stack } : {}),
        ...(environment ? { environment } : {}),
        ...(names ? { frameworks: names } : {}),
        ...(passed === undefined ? {} : { includePassed: passed }),
      },
      { store: true },
    );
  }

  @Get()
  list(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('limit') limit?: string): Promise<ScanSummaryDto[]> {
    return this.scans.list({ stack: nameParam(stack, 'stack'), environment: nameParam(environment, 'environment'), limit: limitParam(limit) });
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ScanDetailDto> {
    return this.scans.get(id);
  }
}

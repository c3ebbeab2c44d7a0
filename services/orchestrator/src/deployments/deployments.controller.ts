import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { DeploymentRequestedV1, DomainError, ErrorCode, formatFieldErrors, validatePayload } from '@cloudwright/contracts';
import { DeploymentIntakeService } from './deployment-intake.service';
import { type DeploymentRequestDto } from './deployment.mapper';

/** HTTP adapter for deployment requests (the CLI and dashboards use it; CI may publish to JetStream directly). */
@Controller('deployments')
export class DeploymentsController {
  constructor(private readonly intake: DeploymentIntakeService) {}

  /** Accepts a deployment request: published through the outbox, recorded by the intake consumer. 202 Accepted. */
  @Post()
  @HttpCode(202)
  async submit(@Body() body: unknown): Promise<{ eventId: string; requestKey: string; correlationId: string; status: string }> {
    const checked = validatePayload(DeploymentRequestedV1, body, 'body');
    if (!checked.ok) {
      throw new DomainError(ErrorCode.ValidationFailed, `invalid deployment request: ${formatFieldErrors(checked.errors)}`, { errors: checked.errors });
    }
    const accepted = await this.intake.submit(checked.value);
    return { ...accepted, status: 'queued' };
  }

  @Get()
  list(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('limit') limit?: string): Promise<DeploymentRequestDto[]> {
    const n = limit === undefined ? undefined : Number(limit);
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new DomainError(ErrorCode.ValidationFailed, 'limit must be a positive integer');
    return this.intake.list({ stack, environment, limit: n });
  }

  @Get('by-request-key/:key')
  byRequestKey(@Param('key') key: string): Promise<DeploymentRequestDto> {
    return this.intake.getByRequestKey(key);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeploymentRequestDto> {
    return this.intake.get(id);
  }
}

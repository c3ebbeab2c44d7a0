import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { CostEstimatesService, type OnDemandEstimate, type OnDemandEstimateRequest } from './cost-estimates.service';
import { type CostEstimateDto } from './cost-estimate.mapper';
import { ApiAccess } from '@cloudwright/messaging';

/**
 * HTTP adapter of the cost-optimizer. `POST /estimates` takes either the plan JSON itself (`terraform show -json`)
 * or `{ "plan": …, "currency"?, "commitment"?, "usage"?, "stack"?, "environment"? }` and returns the estimate.
 */
@ApiAccess('viewer')
@Controller('estimates')
export class EstimatesController {
  constructor(private readonly estimates: CostEstimatesService) {}

  @Post()
  @ApiAccess('operator')
  @HttpCode(200)
  estimate(@Body() body: unknown, @Query('currency') currency?: string, @Query('commitment') commitment?: string): Promise<OnDemandEstimate> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'the body must be a Terraform plan JSON object, or { "plan": … }');
    }
    const isPlan = 'resource_changes' in body || 'format_version' in body;
    const request: OnDemandEstimateRequest = isPlan ? { plan: body } : (body as OnDemandEstimateRequest);
    return this.estimates.estimate({ ...request, ...(currency ? { currency } : {}), ...(commitment ? { commitment } : {}) });
  }

  @Get()
  list(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('limit') limit?: string): Promise<CostEstimateDto[]> {
    const n = limit === undefined ? undefined : Number(limit);
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new DomainError(ErrorCode.ValidationFailed, 'limit must be a positive integer');
    return this.estimates.list({ stack, environment, limit: n });
  }

  @Get('by-deployment/:deploymentId')
  byDeployment(@Param('deploymentId') deploymentId: string): Promise<CostEstimateDto> {
    return this.estimates.getByDeployment(deploymentId);
  }
}

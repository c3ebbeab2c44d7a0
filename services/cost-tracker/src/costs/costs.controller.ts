import { Controller, Get, Param, Query } from '@nestjs/common';
import { CostsService, type CostsDto, type VarianceDto } from './costs.service';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter of the dashboard queries: `GET /costs?dimension=service&from=…&to=…&granularity=day`, `GET /variance/:deploymentId?from&to`. */
@ApiAccess('viewer')
@Controller()
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get('costs')
  list(
    @Query('dimension') dimension?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('granularity') granularity?: string,
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
    @Query('provider') provider?: string,
  ): Promise<CostsDto> {
    return this.costs.costs({ dimension, from, to, granularity, stack, environment, provider });
  }

  @Get('variance/:deploymentId')
  variance(@Param('deploymentId') deploymentId: string, @Query('from') from?: string, @Query('to') to?: string): Promise<VarianceDto> {
    return this.costs.variance({ deploymentId, from, to });
  }
}

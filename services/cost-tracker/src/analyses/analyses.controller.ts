import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAccess } from '@cloudwright/messaging';
import { compareCloudsForPlan } from '../common/queries/compare-clouds.query';
import { AnalysesService } from './analyses.service';

/**
 * HTTP adapter of the cost analyses (nothing is stored, so any role may call them): `POST /analyses/forecast`,
 * `/analyses/optimize`, `/analyses/resource`, `/analyses/sizing`, `/analyses/compare-clouds`. The same functions answer
 * the request/reply subjects of CostQuerySubjects and the MCP tools of `cloudwright mcp cost`.
 */
@ApiAccess('viewer')
@Controller('analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @Post('forecast')
  @HttpCode(200)
  forecast(@Body() body: unknown) {
    return this.analyses.forecast(body);
  }

  @Post('optimize')
  @HttpCode(200)
  optimize(@Body() body: unknown) {
    return this.analyses.optimize(body);
  }

  @Post('resource')
  @HttpCode(200)
  resource(@Body() body: unknown) {
    return this.analyses.analyzeResource(body);
  }

  @Post('sizing')
  @HttpCode(200)
  sizing(@Body() body: unknown) {
    return this.analyses.sizing(body);
  }

  @Post('compare-clouds')
  @HttpCode(200)
  compareClouds(@Body() body: unknown) {
    return compareCloudsForPlan(body);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { limitParam } from '../common/http/query-params';
import { HistoryService, type LatestFindingDto, type LatestScoresDto, type TrendDto } from './history.service';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter of scan history: latest scores, trends, findings of the latest scans. */
@ApiAccess('viewer')
@Controller()
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('scores/latest')
  latestScores(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('framework') framework?: string): Promise<LatestScoresDto[]> {
    return this.history.latestScores({ stack, environment, framework });
  }

  @Get('trends')
  trends(@Query('stack') stack?: string, @Query('environment') environment?: string, @Query('framework') framework?: string, @Query('limit') limit?: string): Promise<TrendDto> {
    return this.history.trends({ stack, environment, framework, limit: limitParam(limit) });
  }

  @Get('findings')
  findings(
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
    @Query('severity') severity?: string,
    @Query('status') status?: string,
    @Query('ruleId') ruleId?: string,
    @Query('limit') limit?: string,
  ): Promise<LatestFindingDto[]> {
    return this.history.findings({ stack, environment, severity, status, ruleId, limit: limitParam(limit) });
  }
}

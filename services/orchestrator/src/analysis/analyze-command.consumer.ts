import { Injectable } from '@nestjs/common';
import { CloudAnalyzerAnalyzeV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { CloudAnalysisService } from './cloud-analysis.service';

/** JetStream adapter: `cloud-analyzer.analyze.v1` (CW_COMMANDS) → CloudAnalysisService.analyzeForDeployment, in the handler's transaction. */
@Injectable()
export class AnalyzeCommandConsumer {
  constructor(private readonly analysis: CloudAnalysisService) {}

  // each command may wait up to the query timeout (5 s) for cost-tracker and compliance: small batches keep the
  // last command of a batch well inside the 30 s ack wait
  @OnEvent(CloudAnalyzerAnalyzeV1, { name: 'cloud-analyzer-analyze', batchSize: 4 })
  async handle(event: CloudEvent<CloudAnalyzerAnalyzeV1>, ctx: HandlerContext): Promise<void> {
    await this.analysis.analyzeForDeployment(event, ctx);
  }
}

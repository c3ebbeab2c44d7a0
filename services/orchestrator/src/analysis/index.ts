import { Module } from '@nestjs/common';
import { AnalyzeCommandConsumer } from './analyze-command.consumer';
import { CloudAnalysisService } from './cloud-analysis.service';

export { AnalyzeCommandConsumer } from './analyze-command.consumer';
export { CLOUD_ANALYSIS_OPTIONS, CloudAnalysisService, DEFAULT_ANALYSIS_QUERY_TIMEOUT_MS, type CloudAnalysisOptions } from './cloud-analysis.service';

/**
 * The cloud-analyzer agent's providers. They need `QueryClient` (exported by the global MessagingModule) and take an
 * optional `{ provide: CLOUD_ANALYSIS_OPTIONS, useValue: { queryTimeoutMs } }`.
 */
export const ANALYSIS_PROVIDERS = [CloudAnalysisService, AnalyzeCommandConsumer];

/** The same providers as a module, for an app that prefers `imports: [AnalysisModule]`. */
@Module({ providers: ANALYSIS_PROVIDERS, exports: [CloudAnalysisService] })
export class AnalysisModule {}

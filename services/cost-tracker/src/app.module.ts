import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule, createLogger, type Logger, API_TOKENS, ApiAccessGuard } from '@cloudwright/messaging';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { COST_TRACKER_CONFIG, loadCostTrackerConfig, type CostTrackerConfig } from './common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE, createCostTrackerDataSource, migrate } from './common/database/data-source';
import { AnalysesController } from './analyses/analyses.controller';
import { AnalysesService } from './analyses/analyses.service';
import { CostQueriesResponder } from './common/queries/cost-queries.responder';
import { CostEstimatesService } from './estimates/cost-estimates.service';
import { EstimateCommandConsumer } from './estimates/estimate-command.consumer';
import { EstimatesController } from './estimates/estimates.controller';
import { BudgetsController } from './budgets/budgets.controller';
import { BudgetsService } from './budgets/budgets.service';
import { AnomaliesService } from './anomalies/anomalies.service';
import { EvaluationScheduler } from './anomalies/evaluation.scheduler';
import { CostsController } from './costs/costs.controller';
import { CostsService } from './costs/costs.service';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { CostImportsService } from './imports/cost-imports.service';
import { CsvBodyParser, ImportsController } from './imports/imports.controller';
import { WatchFolderService } from './imports/watch-folder.service';

const ROOT_LOGGER = Symbol('ROOT_LOGGER');
const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Closes the pool after the messaging layer drained (Nest runs beforeApplicationShutdown hooks first). */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The cost-tracker: the cost-optimizer agent (estimates) and the cost-tracking agent (actuals, budgets, anomalies). */
@Module({})
export class CostTrackerModule {
  static register(config: CostTrackerConfig = loadCostTrackerConfig()): DynamicModule {
    const logger = createLogger('cloudwright/cost-tracker', config.logLevel);
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'cw_cost_tracker_' });
    return {
      module: CostTrackerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' } } }),
        MessagingModule.forRootAsync({
          inject: [COST_TRACKER_CONFIG, COST_TRACKER_DATA_SOURCE, ROOT_LOGGER, METRICS_REGISTRY],
          useFactory: (c: CostTrackerConfig, dataSource: DataSource, root: Logger, metricsRegistry: Registry) => ({
            service: 'cost-tracker',
            natsUrl: c.natsUrl,
            dataSource,
            schema: c.schema,
            topology: { streamPrefix: c.streamPrefix, subjectPrefix: c.subjectPrefix },
            metricsRegistry,
            logger: root,
          }),
          imports: [CostTrackerModule.infrastructure(config, logger, registry)],
        }),
      ],
      controllers: [EstimatesController, BudgetsController, ImportsController, CostsController, AnalysesController, HealthController, OpenApiController],
      providers: [
        { provide: API_TOKENS, useValue: config.auth },
        { provide: APP_GUARD, useClass: ApiAccessGuard },
        CostEstimatesService,
        BudgetsService,
        CostImportsService,
        CostsService,
        AnalysesService,
        AnomaliesService,
        EvaluationScheduler,
        WatchFolderService,
        CsvBodyParser,
        EstimateCommandConsumer,
        CostQueriesResponder,
        DatabaseLifecycle,
      ],
    };
  }

  private static infrastructure(config: CostTrackerConfig, logger: Logger, registry: Registry): DynamicModule {
    const providers = [
      { provide: COST_TRACKER_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: METRICS_REGISTRY, useValue: registry },
      {
        provide: COST_TRACKER_DATA_SOURCE,
        useFactory: async () => {
          const dataSource = createCostTrackerDataSource(config);
          await dataSource.initialize();
          if (config.migrateOnBoot) {
            const applied = await migrate(dataSource, config.schema);
            if (applied.length) logger.info({ applied }, 'migrations applied');
          }
          return dataSource;
        },
      },
    ];
    return {
      module: class CostTrackerInfrastructureModule {},
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

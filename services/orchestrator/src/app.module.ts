import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule, createLogger, type Logger } from '@cloudwright/messaging';
import { LoggerModule } from 'nestjs-pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { ORCHESTRATOR_CONFIG, loadOrchestratorConfig, type OrchestratorConfig } from './common/config/orchestrator.config';
import { createOrchestratorDataSource, migrate } from './common/database/data-source';
import { DeploymentIntakeService, ORCHESTRATOR_DATA_SOURCE } from './deployments/deployment-intake.service';
import { DeploymentRequestedConsumer } from './deployments/deployment-requested.consumer';
import { DeploymentsController } from './deployments/deployments.controller';
import { HealthController } from './health/health.controller';

const ROOT_LOGGER = Symbol('ROOT_LOGGER');
const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Closes the pool after the messaging layer drained (Nest runs beforeApplicationShutdown hooks first). */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ORCHESTRATOR_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class OrchestratorModule {
  static register(config: OrchestratorConfig = loadOrchestratorConfig()) {
    const logger = createLogger('cloudwright/orchestrator', config.logLevel);
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'cw_orchestrator_' });
    return {
      module: OrchestratorModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' } } }),
        MessagingModule.forRootAsync({
          inject: [ORCHESTRATOR_CONFIG, ORCHESTRATOR_DATA_SOURCE, ROOT_LOGGER, METRICS_REGISTRY],
          useFactory: (c: OrchestratorConfig, dataSource: DataSource, root: Logger, metricsRegistry: Registry) => ({
            service: 'orchestrator',
            natsUrl: c.natsUrl,
            dataSource,
            schema: c.schema,
            topology: { streamPrefix: c.streamPrefix, subjectPrefix: c.subjectPrefix },
            metricsRegistry,
            logger: root,
          }),
          imports: [OrchestratorModule.infrastructure(config, logger, registry)],
        }),
      ],
      controllers: [DeploymentsController, HealthController],
      providers: [DeploymentIntakeService, DeploymentRequestedConsumer, DatabaseLifecycle],
    };
  }

  private static infrastructure(config: OrchestratorConfig, logger: Logger, registry: Registry) {
    const providers = [
      { provide: ORCHESTRATOR_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: METRICS_REGISTRY, useValue: registry },
      {
        provide: ORCHESTRATOR_DATA_SOURCE,
        useFactory: async () => {
          const dataSource = createOrchestratorDataSource(config);
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
      module: class OrchestratorInfrastructureModule {},
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

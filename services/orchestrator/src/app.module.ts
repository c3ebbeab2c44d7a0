import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { type CloudProvider } from '@cloudwright/cloud-provider';
import { SimCloud } from '@cloudwright/cloud-sim';
import { MessagingModule, createLogger, type Logger } from '@cloudwright/messaging';
import { LoggerModule } from 'nestjs-pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { ANALYSIS_PROVIDERS } from './analysis';
import { API_CONTROLLERS, API_PROVIDERS, API_TOKENS, AUDIT_DATA_SOURCE, loadApiAuthConfig, type ApiAuthConfig } from './api';
import { ORCHESTRATOR_CONFIG, loadOrchestratorConfig, type OrchestratorConfig } from './common/config/orchestrator.config';
import { createOrchestratorDataSource, migrate } from './common/database/data-source';
import { DeploymentOperations } from './deployments/deployment-operations';
import { DeploymentOperationsService } from './deployments/deployment-operations.service';
import { DeploymentRequestedConsumer } from './deployments/deployment-requested.consumer';
import { HealthController } from './health/health.controller';
import { DeploymentCoordinator, SAGA_SCHEMA } from './saga/deployment-coordinator';
import { GateAnswersConsumer } from './saga/gate-answers.consumer';
import { CLOUD_PROVIDER, SAGA_DATA_SOURCE, SAGA_LOGGER, SAGA_METRICS_REGISTRY, SAGA_OPTIONS, SagaDriver, type SagaOptions } from './saga/saga-driver';

export const ORCHESTRATOR_DATA_SOURCE = SAGA_DATA_SOURCE;
const ROOT_LOGGER = Symbol('ROOT_LOGGER');
const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
const OWNS_PROVIDER = Symbol('OWNS_PROVIDER');

/** Closes the pool and the provider after the messaging layer and the saga drained (Nest runs beforeApplicationShutdown hooks first). */
@Injectable()
class ResourceLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(ORCHESTRATOR_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOUD_PROVIDER) private readonly provider: CloudProvider & { close?: () => Promise<void> },
    @Inject(OWNS_PROVIDER) private readonly ownsProvider: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsProvider) await this.provider.close?.();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export interface OrchestratorOverrides {
  /** Another CloudProvider (tests pass a SimCloud they also inspect); the default opens the simulated cloud from config. */
  provider?: CloudProvider;
  /** API tokens (default: CW_API_TOKENS / CW_API_TOKENS_FILE). */
  auth?: ApiAuthConfig;
}

/** The orchestrator: cloud-analyzer and deployment-coordinator agents, and the public HTTP API. */
@Module({})
export class OrchestratorModule {
  static register(config: OrchestratorConfig = loadOrchestratorConfig(), overrides: OrchestratorOverrides = {}): DynamicModule {
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
          imports: [OrchestratorModule.infrastructure(config, logger, registry, overrides)],
        }),
      ],
      controllers: [...API_CONTROLLERS, HealthController],
      providers: [
        ...API_PROVIDERS,
        ...ANALYSIS_PROVIDERS,
        DeploymentCoordinator,
        SagaDriver,
        GateAnswersConsumer,
        DeploymentRequestedConsumer,
        DeploymentOperationsService,
        { provide: DeploymentOperations, useExisting: DeploymentOperationsService },
        ResourceLifecycle,
      ],
    };
  }

  private static infrastructure(config: OrchestratorConfig, logger: Logger, registry: Registry, overrides: OrchestratorOverrides) {
    const sagaOptions: SagaOptions = { schema: config.schema, pollMs: config.saga.pollMs, batch: 100, maxConcurrentCalls: config.saga.maxConcurrentCalls, concurrentRounds: config.saga.concurrentRounds, roundBatch: config.saga.roundBatch, maxRounds: Math.max(config.saga.maxRounds, config.saga.concurrentRounds), slowRoundMs: config.saga.slowRoundMs };
    const providers = [
      { provide: ORCHESTRATOR_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: SAGA_LOGGER, useValue: logger.child({ agent: 'deployment-coordinator' }) },
      { provide: METRICS_REGISTRY, useValue: registry },
      { provide: SAGA_METRICS_REGISTRY, useValue: registry },
      { provide: SAGA_SCHEMA, useValue: config.schema },
      { provide: SAGA_OPTIONS, useValue: sagaOptions },
      { provide: OWNS_PROVIDER, useValue: overrides.provider === undefined },
      { provide: API_TOKENS, useValue: overrides.auth ?? loadApiAuthConfig(process.env) },
      {
        provide: CLOUD_PROVIDER,
        useFactory: async (): Promise<CloudProvider> =>
          overrides.provider ??
          SimCloud.open({ databaseUrl: config.databaseUrl, schema: config.cloudSim.schema, seed: config.cloudSim.seed, latencyScale: config.cloudSim.latencyScale, poolMax: config.cloudSim.poolMax }),
      },
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
      { provide: AUDIT_DATA_SOURCE, useExisting: ORCHESTRATOR_DATA_SOURCE },
    ];
    return {
      module: class OrchestratorInfrastructureModule {},
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule, createLogger, type Logger, API_TOKENS, ApiAccessGuard } from '@cloudwright/messaging';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { ComplianceAlertsService } from './alerts/compliance-alerts.service';
import { CLOCK, systemClock, type Clock } from './common/clock';
import { COMPLIANCE_CONFIG, loadComplianceConfig, type ComplianceConfig } from './common/config/compliance.config';
import { COMPLIANCE_DATA_SOURCE, createComplianceDataSource, migrate } from './common/database/data-source';
import { ComplianceMetrics, METRICS_REGISTRY } from './common/metrics/compliance.metrics';
import { ComplianceQueriesResponder } from './common/queries/compliance-queries.responder';
import { CompareController } from './compare/compare.controller';
import { CompareService } from './compare/compare.service';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { HistoryController } from './history/history.controller';
import { HistoryService } from './history/history.service';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesService } from './policies/policies.service';
import { ComplianceScansService } from './scans/compliance-scans.service';
import { ScanCommandConsumer } from './scans/scan-command.consumer';
import { ScansController } from './scans/scans.controller';
import { WaiversController, YamlBodyParser } from './waivers/waivers.controller';
import { WaiversService } from './waivers/waivers.service';

const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Closes the pool after the messaging layer drained (Nest runs beforeApplicationShutdown hooks first). */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The compliance service: the compliance-orchestrator agent (plan scans for the saga's gate, history, waivers, alerts). */
@Module({})
export class ComplianceModule {
  static register(config: ComplianceConfig = loadComplianceConfig(), clock: Clock = systemClock): DynamicModule {
    const logger = createLogger('cloudwright/compliance', config.logLevel);
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'cw_compliance_' });
    return {
      module: ComplianceModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' } } }),
        MessagingModule.forRootAsync({
          inject: [COMPLIANCE_CONFIG, COMPLIANCE_DATA_SOURCE, ROOT_LOGGER, METRICS_REGISTRY],
          useFactory: (c: ComplianceConfig, dataSource: DataSource, root: Logger, metricsRegistry: Registry) => ({
            service: 'compliance',
            natsUrl: c.natsUrl,
            dataSource,
            schema: c.schema,
            topology: { streamPrefix: c.streamPrefix, subjectPrefix: c.subjectPrefix },
            metricsRegistry,
            logger: root,
          }),
          imports: [ComplianceModule.infrastructure(config, logger, registry, clock)],
        }),
      ],
      controllers: [ScansController, HistoryController, WaiversController, EvidenceController, PoliciesController, CompareController, HealthController, OpenApiController],
      providers: [
        { provide: API_TOKENS, useValue: config.auth },
        { provide: APP_GUARD, useClass: ApiAccessGuard },
        ComplianceScansService,
        ComplianceAlertsService,
        HistoryService,
        WaiversService,
        EvidenceService,
        PoliciesService,
        CompareService,
        ComplianceMetrics,
        YamlBodyParser,
        ScanCommandConsumer,
        ComplianceQueriesResponder,
        DatabaseLifecycle,
      ],
    };
  }

  private static infrastructure(config: ComplianceConfig, logger: Logger, registry: Registry, clock: Clock): DynamicModule {
    const providers = [
      { provide: COMPLIANCE_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: METRICS_REGISTRY, useValue: registry },
      { provide: CLOCK, useValue: clock },
      {
        provide: COMPLIANCE_DATA_SOURCE,
        useFactory: async () => {
          const dataSource = createComplianceDataSource(config);
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
      module: class ComplianceInfrastructureModule {},
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

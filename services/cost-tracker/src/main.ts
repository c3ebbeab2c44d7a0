import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { CostTrackerModule } from './app.module';
import { ConfigError, loadCostTrackerConfig } from './common/config/cost-tracker.config';
import { createCostTrackerDataSource, migrate } from './common/database/data-source';

/** `node dist/main.js` serves; `node dist/main.js migrate` applies migrations and exits. */
async function main(argv: string[]): Promise<void> {
  const config = loadCostTrackerConfig();
  if (argv[0] === 'migrate') {
    const dataSource = createCostTrackerDataSource(config);
    await dataSource.initialize();
    try {
      const applied = await migrate(dataSource, config.schema);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(CostTrackerModule.register(config), new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  await app.listen(config.httpPort, config.httpHost);
  app.get(Logger).log(`cost-tracker listening on http://${config.httpHost}:${config.httpPort}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`cost-tracker: ${error.message}`);
  else console.error('cost-tracker: failed to start:', error);
  process.exit(1);
});

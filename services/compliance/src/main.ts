import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { ComplianceModule } from './app.module';
import { ConfigError, loadComplianceConfig } from './common/config/compliance.config';
import { createComplianceDataSource, migrate } from './common/database/data-source';
import { HTTP_BODY_LIMIT } from './common/http/query-params';

/** `node dist/main.js` serves; `node dist/main.js migrate` applies migrations and exits. */
async function main(argv: string[]): Promise<void> {
  const config = loadComplianceConfig();
  if (argv[0] === 'migrate') {
    const dataSource = createComplianceDataSource(config);
    await dataSource.initialize();
    try {
      const applied = await migrate(dataSource, config.schema);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(ComplianceModule.register(config), new FastifyAdapter({ bodyLimit: HTTP_BODY_LIMIT }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  await app.listen(config.httpPort, config.httpHost);
  app.get(Logger).log(`compliance listening on http://${config.httpHost}:${config.httpPort}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`compliance: ${error.message}`);
  else console.error('compliance: failed to start:', error);
  process.exit(1);
});

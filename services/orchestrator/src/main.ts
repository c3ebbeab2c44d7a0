import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { loadApiAuthConfig } from './api';
import { OrchestratorModule } from './app.module';
import { ConfigError, loadOrchestratorConfig } from './common/config/orchestrator.config';
import { createOrchestratorDataSource, migrate } from './common/database/data-source';

/** `node dist/main.js` serves; `node dist/main.js migrate` applies migrations and exits. */
async function main(argv: string[]): Promise<void> {
  const config = loadOrchestratorConfig();
  if (argv[0] === 'migrate') {
    const dataSource = createOrchestratorDataSource(config);
    await dataSource.initialize();
    try {
      const applied = await migrate(dataSource, config.schema);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  // bad API tokens stop the start with every problem listed (a ConfigError, like the rest of the configuration)
  const auth = loadApiAuthConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(OrchestratorModule.register(config, { auth }), new FastifyAdapter({ bodyLimit: 1024 * 1024 }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  await app.listen(config.httpPort, config.httpHost);
  app.get(Logger).log(`orchestrator listening on http://${config.httpHost}:${config.httpPort}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`orchestrator: ${error.message}`);
  else console.error('orchestrator: failed to start:', error);
  process.exit(1);
});

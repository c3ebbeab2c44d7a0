import { ConfigError, loadOrchestratorConfig } from './orchestrator.config';

describe(loadOrchestratorConfig.name, () => {
  const valid = { CW_NATS_URL: 'nats://127.0.0.1:4222', CW_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cloudwright' };

  it('reads a valid environment with defaults', () => {
    expect(loadOrchestratorConfig(valid)).toMatchObject({ schema: 'orchestrator', httpPort: 8080, dbPoolMax: 5, migrateOnBoot: false, streamPrefix: '' });
  });

  it('lists every invalid variable at once, without leaking a password', () => {
    let error: unknown;
    try {
      loadOrchestratorConfig({ CW_DATABASE_URL: 'mysql://u:secret@h/db', CW_HTTP_PORT: 'eighty', CW_MIGRATE_ON_BOOT: 'yes', CW_LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toContain('CW_NATS_URL is required');
    expect(problems.join('\n')).toContain('CW_HTTP_PORT="eighty" must be an integer');
    expect(problems.join('\n')).not.toContain('secret');
  });
});

import { ConfigError, loadCostTrackerConfig } from './cost-tracker.config';

describe(loadCostTrackerConfig.name, () => {
  const valid = { CW_NATS_URL: 'nats://127.0.0.1:4222', CW_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cloudwright' };

  it('reads a valid environment with defaults', () => {
    expect(loadCostTrackerConfig(valid)).toMatchObject({ schema: 'cost_tracker', httpPort: 3002, dbPoolMax: 5, migrateOnBoot: false, watchDir: undefined });
    expect(loadCostTrackerConfig({ ...valid, CW_COST_WATCH_DIR: '/var/lib/focus' }).watchDir).toBe('/var/lib/focus');
  });

  it('lists every invalid variable at once, without leaking a password', () => {
    let error: unknown;
    try {
      loadCostTrackerConfig({ CW_DATABASE_URL: 'mysql://u:secret@h/db', CW_HTTP_PORT: 'eighty', CW_COST_WATCH_DIR: 'relative/dir', CW_COST_TRACKER_SCHEMA: 'Cost' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toContain('CW_NATS_URL is required');
    expect(problems.join('\n')).toContain('CW_HTTP_PORT="eighty" must be an integer');
    expect(problems.join('\n')).toContain('CW_COST_WATCH_DIR="relative/dir" must be an absolute path');
    expect(problems.join('\n')).not.toContain('secret');
  });
});

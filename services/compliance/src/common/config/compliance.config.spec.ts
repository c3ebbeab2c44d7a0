import { ConfigError, loadComplianceConfig } from './compliance.config';

describe(loadComplianceConfig.name, () => {
  const valid = { CW_NATS_URL: 'nats://127.0.0.1:4222', CW_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cloudwright' };

  it('reads a valid environment with defaults', () => {
    expect(loadComplianceConfig(valid)).toMatchObject({
      schema: 'compliance',
      httpPort: 3003,
      dbPoolMax: 5,
      migrateOnBoot: false,
      blockOn: 'critical',
      scoreDropPoints: 5,
    });
    expect(loadComplianceConfig({ ...valid, CW_COMPLIANCE_BLOCK_ON: 'high', CW_COMPLIANCE_SCORE_DROP: '2.5' })).toMatchObject({ blockOn: 'high', scoreDropPoints: 2.5 });
  });

  it('lists every invalid variable at once, without leaking a password', () => {
    let error: unknown;
    try {
      loadComplianceConfig({
        CW_DATABASE_URL: 'mysql://u:secret@h/db',
        CW_HTTP_PORT: 'eighty',
        CW_COMPLIANCE_SCHEMA: 'Compliance',
        CW_COMPLIANCE_BLOCK_ON: 'severe',
        CW_COMPLIANCE_SCORE_DROP: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(6);
    const text = problems.join('\n');
    expect(text).toContain('CW_NATS_URL is required');
    expect(text).toContain('CW_HTTP_PORT="eighty" must be an integer');
    expect(text).toContain('CW_COMPLIANCE_BLOCK_ON="severe" must be one of critical, high, medium, low, info');
    expect(text).toContain('CW_COMPLIANCE_SCORE_DROP="0"');
    expect(text).not.toContain('secret');
  });
});

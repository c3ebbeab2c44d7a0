import { aTestRegistry } from '../__tests__/test-catalog';
import { UsageFileError, parseUsageFile } from './usage-file';

const keys = aTestRegistry().usageKeys();

function problemsOf(text: string) {
  try {
    parseUsageFile(text, 'usage.yml', keys);
  } catch (err) {
    if (err instanceof UsageFileError) return err.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error('expected a UsageFileError');
}

describe(parseUsageFile.name, () => {
  it('merges type defaults, [*] patterns and exact addresses, most specific last', () => {
    const usage = parseUsageFile(
      ['version: 0.1', 'resource_type_default_usage:', '  aws_s3_bucket:', '    storage_gb: 10', 'resource_usage:', '  module.m.aws_s3_bucket.b[*]:', '    storage_gb: 20', '  module.m.aws_s3_bucket.b[1]:', '    storage_gb: 30', ''].join('\n'),
      'usage.yml',
      keys,
    );
    expect(usage.forResource('aws_s3_bucket.other', 'aws_s3_bucket')).toEqual({ storage_gb: 10 });
    expect(usage.forResource('module.m.aws_s3_bucket.b[0]', 'aws_s3_bucket')).toEqual({ storage_gb: 20 });
    expect(usage.forResource('module.m.aws_s3_bucket.b[1]', 'aws_s3_bucket')).toEqual({ storage_gb: 30 });
  });

  it('reports every problem with its line and column', () => {
    const text = [
      'version: 0.1',
      'resource_usage:',
      '  aws_s3_bucket.b:',
      '    storage_gb: lots',
      '    storage_gbs: 5',
      '  aws_instance.web:',
      '    monthly_hours: 10',
      '  aws_nope.x: { a: 1 }',
      '  justaname: {}',
      'extra: 1',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '4:17 resource_usage.aws_s3_bucket.b.storage_gb: expected a non-negative number of GB, got "lots"',
      '5:5 resource_usage.aws_s3_bucket.b.storage_gbs: unknown usage key for aws_s3_bucket (known: storage_gb)',
      '7:5 resource_usage.aws_instance.web.monthly_hours: unknown usage key for aws_instance (this type has no usage-priced components)',
      '8:3 resource_usage.aws_nope.x: resource type aws_nope is not priced by Cloudwright',
      '9:3 resource_usage.justaname: not a resource address (expected <type>.<name>)',
      '10:1 extra: unknown section (expected version, resource_type_default_usage or resource_usage)',
    ]);
  });

  it('rejects negative numbers, a wrong version and broken YAML', () => {
    expect(problemsOf('version: 0.1\nresource_usage:\n  aws_s3_bucket.b:\n    storage_gb: -1\n')).toEqual(['4:17 resource_usage.aws_s3_bucket.b.storage_gb: expected a non-negative number of GB, got -1']);
    expect(problemsOf('version: 2\n')).toEqual(['1:10 version: unsupported usage file version "2" (supported: 0.1)']);
    expect(problemsOf('resource_usage:\n  a: [1, 2\n')[0]).toMatch(/^\d+:\d+ \(yaml\): /);
  });

  it('accepts an empty file', () => {
    expect(parseUsageFile('', 'usage.yml', keys).forResource('aws_s3_bucket.b', 'aws_s3_bucket')).toEqual({});
  });
});

import { blockingDependents, dependencyDenotes, missingDependencies } from './dependencies';

describe('dependencies', () => {
  it('matches a configuration address to its instances, an indexed entry only to itself, a module to its resources', () => {
    expect(dependencyDenotes('aws_subnet.private', 'aws_subnet.private[1]')).toBe(true);
    expect(dependencyDenotes('module.net.aws_vpc.main', 'module.net[0].aws_vpc.main')).toBe(true);
    expect(dependencyDenotes('aws_subnet.private[0]', 'aws_subnet.private[1]')).toBe(false);
    expect(dependencyDenotes('module.net', 'module.net.aws_vpc.main')).toBe(true);
    expect(dependencyDenotes('aws_vpc.main', 'aws_vpc.main2')).toBe(false);
  });

  it('lists missing dependencies, never data sources', () => {
    expect(missingDependencies(['aws_vpc.main', 'data.aws_ami.ubuntu', 'aws_kms_key.k'], ['aws_vpc.main'])).toEqual(['aws_kms_key.k']);
  });

  it('blocks a delete while a dependent needs it, not when another instance still satisfies the dependent', () => {
    const present = [
      { address: 'aws_vpc.main', dependsOn: [] },
      { address: 'aws_subnet.a[0]', dependsOn: ['aws_vpc.main'] },
      { address: 'aws_subnet.a[1]', dependsOn: ['aws_vpc.main'] },
      { address: 'aws_instance.web', dependsOn: ['aws_subnet.a'] },
    ];
    expect(blockingDependents('aws_vpc.main', present)).toEqual(['aws_subnet.a[0]', 'aws_subnet.a[1]']);
    expect(blockingDependents('aws_subnet.a[0]', present)).toEqual([]);
    expect(blockingDependents('aws_subnet.a[1]', present.filter((r) => r.address !== 'aws_subnet.a[0]'))).toEqual(['aws_instance.web']);
    expect(blockingDependents('aws_instance.web', present)).toEqual([]);
  });
});

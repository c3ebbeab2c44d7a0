/**
 * Dependency rules between resources of one stack/environment. A plan's dependencies are configuration addresses
 * (module-qualified, without `count`/`for_each` index: `module.net.aws_vpc.main`), while resources carry instance
 * addresses (`module.net[0].aws_vpc.main[1]`); an entry without an index is satisfied by any instance of it (or, for
 * a module, by any resource inside it). Data sources are reads, never provisioned: a dependency on one is always met.
 */

export interface DependencyHolder {
  address: string;
  dependsOn: readonly string[];
}

function stripIndices(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function isDataSource(entry: string): boolean {
  return entry.startsWith('data.') || entry.includes('.data.');
}

/** Whether `entry` (a dependency) denotes the resource at `address`. */
export function dependencyDenotes(entry: string, address: string): boolean {
  if (entry === address) return true;
  if (entry.includes('[')) return false;
  const config = stripIndices(address);
  return config === entry || (entry.startsWith('module.') && config.startsWith(`${entry}.`));
}

export function dependencySatisfied(entry: string, present: Iterable<string>): boolean {
  if (isDataSource(entry)) return true;
  for (const address of present) if (dependencyDenotes(entry, address)) return true;
  return false;
}

/** The dependencies of a resource that no present resource satisfies (create and update refuse to run with any). */
export function missingDependencies(dependsOn: readonly string[], present: readonly string[]): string[] {
  return dependsOn.filter((entry) => !dependencySatisfied(entry, present));
}

/**
 * The present resources that still need `address`: they depend on it, and no other present resource would satisfy
 * that dependency once it is gone (a delete is refused while there are any).
 */
export function blockingDependents(address: string, present: readonly DependencyHolder[]): string[] {
  const others = present.filter((r) => r.address !== address).map((r) => r.address);
  return present
    .filter((r) => r.address !== address)
    .filter((r) => r.dependsOn.some((entry) => dependencyDenotes(entry, address) && !dependencySatisfied(entry, others)))
    .map((r) => r.address)
    .sort();
}

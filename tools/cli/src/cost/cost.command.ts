import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PlanParseError, parsePlanText } from '@cloudwright/terraform-plan';
import {
  COMMITMENTS,
  CURRENCIES,
  CatalogError,
  UsageFile,
  UsageFileError,
  defaultCatalogDir,
  defaultRegistry,
  estimatePlan,
  estimateToJson,
  estimateToMarkdown,
  estimateToTable,
  formatRefresh,
  isCurrency,
  loadCatalog,
  parseUsageFile,
  refreshCatalog,
  writeRefresh,
  type Commitment,
  type PriceListSource,
} from '@cloudwright/pricing';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';

const USAGE = `usage:
  cloudwright cost estimate --plan <plan.json> [--usage <usage.yml>] [--currency USD|EUR|GBP]
                            [--commitment on-demand|1y|3y] [--output table|json|markdown]
  cloudwright cost catalog check [--catalog <dir>]
  cloudwright cost catalog refresh [--aws <offer.json>]... [--azure <retail-prices.json>]... [--gcp <skus.json>]...
                                   [--catalog <dir>] [--write]

estimate prices a Terraform plan (terraform show -json <planfile>) locally from the list-price catalog shipped with
Cloudwright: every resource's cost components, totals per hour/month/year and the change against the prior state.
Usage-priced components (requests, GB transferred or stored) come from the usage file and are listed with quantity 0
without one. Resources that cannot be priced are listed with the reason and left out of the totals, never counted as $0.
catalog check validates the catalog data (every price needs its source and as-of date).
catalog refresh loads the clouds' own price lists (AWS Price List bulk offer JSON, Azure Retail Prices API pages,
GCP Cloud Billing Catalog SKU pages) with the default mapping rules and merges their prices into the catalog files
holding those SKUs; it prints what would change (added, changed old → new, skipped with the reason) and writes
only with --write.
Exit codes: 0 ok, 1 usage error or unreadable input.`;

export interface CostRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** `cloudwright cost …` as a function (the command prints what this returns). */
export function runCost(argv: string[]): CostRun {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') return { exitCode: sub ? 0 : 1, stdout: sub ? `${USAGE}\n` : '', stderr: sub ? '' : `${USAGE}\n` };
  try {
    if (sub === 'estimate') return estimate(rest);
    if (sub === 'catalog') return catalog(rest);
    throw new UsageError(`unknown subcommand "${sub}"`);
  } catch (err) {
    if (err instanceof UsageError) return { exitCode: 1, stdout: '', stderr: `cloudwright cost: ${err.message}\n\n${USAGE}\n` };
    if (err instanceof PlanParseError || err instanceof UsageFileError || err instanceof CatalogError) {
      return { exitCode: 1, stdout: '', stderr: `cloudwright cost: ${err.message}\n` };
    }
    throw err;
  }
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function estimate(args: string[]): CostRun {
  const { values } = parse(args, {
    plan: { type: 'string' },
    usage: { type: 'string' },
    currency: { type: 'string', default: 'USD' },
    commitment: { type: 'string', default: 'on-demand' },
    output: { type: 'string', default: 'table' },
    catalog: { type: 'string' },
  });
  const planPath = values.plan as string | undefined;
  if (!planPath) throw new UsageError('--plan <plan.json> is required (the output of terraform show -json <planfile>)');
  const currency = String(values.currency).toUpperCase();
  if (!isCurrency(currency)) throw new UsageError(`--currency must be one of ${CURRENCIES.join(', ')} (got "${String(values.currency)}")`);
  const commitment = String(values.commitment);
  if (!(COMMITMENTS as readonly string[]).includes(commitment)) throw new UsageError(`--commitment must be one of ${COMMITMENTS.join(', ')} (got "${commitment}")`);
  const output = String(values.output);
  if (!['table', 'json', 'markdown'].includes(output)) throw new UsageError(`--output must be one of table, json, markdown (got "${output}")`);

  const planText = readText(planPath, 'plan');
  let plan;
  try {
    plan = parsePlanText(planText);
  } catch (err) {
    if (err instanceof PlanParseError) throw new PlanParseError(err.path, `${err.reason} (in ${planPath})`);
    throw err;
  }
  const registry = defaultRegistry();
  const usagePath = values.usage as string | undefined;
  const usage = usagePath ? parseUsageFile(readText(usagePath, 'usage file'), usagePath, registry.usageKeys()) : UsageFile.empty();
  const catalogDir = values.catalog as string | undefined;
  const result = estimatePlan(plan, { usage, currency, commitment: commitment as Commitment, registry, ...(catalogDir ? { catalog: loadCatalog(catalogDir) } : {}) });
  const stdout = output === 'json' ? `${JSON.stringify(estimateToJson(result), null, 2)}\n` : output === 'markdown' ? estimateToMarkdown(result) : estimateToTable(result);
  return { exitCode: 0, stdout, stderr: '' };
}

function catalog(args: string[]): CostRun {
  const [action, ...rest] = args;
  if (action === 'refresh') return refresh(rest);
  if (action !== 'check') throw new UsageError(`unknown catalog action "${action ?? ''}" (expected check or refresh)`);
  const { values } = parse(rest, { catalog: { type: 'string' } });
  const loaded = loadCatalog(values.catalog as string | undefined);
  const byCloud = new Map<string, number>();
  for (const e of loaded.entries()) byCloud.set(e.cloud, (byCloud.get(e.cloud) ?? 0) + 1);
  const clouds = [...byCloud].map(([c, n]) => `${c} ${n}`).join(', ');
  return {
    exitCode: 0,
    stdout: `catalog ${loaded.version}: ${loaded.size} prices (${clouds}), each with its source and as-of date; prices as of ${loaded.asOf.earliest}…${loaded.asOf.latest}; FX ${loaded.fx.asOf}\n`,
    stderr: '',
  };
}

function refresh(args: string[]): CostRun {
  const { values } = parse(args, {
    aws: { type: 'string', multiple: true },
    azure: { type: 'string', multiple: true },
    gcp: { type: 'string', multiple: true },
    catalog: { type: 'string' },
    write: { type: 'boolean' },
  });
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const sources: PriceListSource[] = [
    ...list(values.aws).map((path) => ({ cloud: 'aws' as const, path })),
    ...list(values.azure).map((path) => ({ cloud: 'azure' as const, path })),
    ...list(values.gcp).map((path) => ({ cloud: 'gcp' as const, path })),
  ];
  if (!sources.length) throw new UsageError('catalog refresh needs at least one price list: --aws, --azure or --gcp <file>');
  const dir = (values.catalog as string | undefined) ?? defaultCatalogDir();
  const result = refreshCatalog(dir, sources);
  const lines = formatRefresh(result);
  if (values.write) {
    const written = writeRefresh(dir, result);
    loadCatalog(dir); // the written catalog still loads and passes its check
    lines.push(written.length ? `wrote ${written.join(', ')}` : 'nothing to write');
  } else if (result.files.length) lines.push('dry run: nothing written (add --write to update the catalog files)');
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

export const costCommand: CliCommand = {
  name: 'cost',
  summary: 'price a Terraform plan locally (table, JSON, Markdown for PR comments); check or refresh the price catalog',
  run(argv) {
    const result = runCost(argv);
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    return Promise.resolve(result.exitCode);
  },
};

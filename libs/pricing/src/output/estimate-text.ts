import type { CostComponent, CostEstimate, ResourceCost } from '../engine/estimate';
import type { Money } from '../money';

function pad(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]?.map((_c, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

const qty = (c: CostComponent) => (c.usageBased && c.monthlyQuantity.isZero() ? 'usage-based' : Number(c.monthlyQuantity.toDecimalPlaces(4).toString()).toLocaleString('en-US', { maximumFractionDigits: 4 }));
const unitPrice = (m: Money) => m.format(m.amount.abs().lt(0.01) && !m.isZero() ? 6 : m.amount.abs().lt(1) ? 4 : 2);
const signed = (m: Money) => `${m.amount.isNegative() ? '' : '+'}${m.format()}`;

function resourceRows(r: ResourceCost): string[][] {
  const head = `${r.address}${r.action === 'create' || r.action === 'no-op' ? '' : ` (${r.action})`}`;
  const rows: string[][] = [[head, '', '', '', r.monthlyCost.format()]];
  r.components.forEach((c, i) => {
    const branch = i === r.components.length - 1 ? '└─' : '├─';
    rows.push([` ${branch} ${c.name}${c.term === 'on-demand' ? '' : ` [${c.term}]`}`, qty(c), c.unit, unitPrice(c.unitPrice), c.usageBased && c.monthlyQuantity.isZero() ? '-' : c.monthlyCost.format()]);
  });
  if (r.action !== 'create') rows.push([`    was ${r.pastMonthlyCost.format()}, change ${signed(r.diffMonthlyCost)}`, '', '', '', '']);
  return rows;
}

/** Human table like `infracost breakdown`: each resource with its components, then totals, unsupported and free resources. */
export function estimateToTable(estimate: CostEstimate): string {
  const rows: string[][] = [['Name', 'Monthly qty', 'Unit', 'Unit price', `Monthly cost (${estimate.currency})`]];
  for (const r of estimate.resources) rows.push(...resourceRows(r), ['', '', '', '', '']);
  const lines = pad(rows, new Set([1, 3, 4]));
  const out = [
    ...lines,
    `OVERALL TOTAL (${estimate.commitment}): ${estimate.totalMonthlyCost.format()} per month, ${estimate.totalHourlyCost.format(4)} per hour, ${estimate.totalYearlyCost.format()} per year`,
    `Change against the prior state: ${estimate.pastTotalMonthlyCost.format()} → ${estimate.totalMonthlyCost.format()} (${signed(estimate.diffTotalMonthlyCost)} per month)`,
  ];
  const assumptions = estimate.resources.flatMap((r) => r.assumptions.map((a) => `  ${r.address}: ${a.attribute} = ${a.assumed} (${a.cause}; ${a.reason})`));
  if (assumptions.length > 0) out.push('', `Assumptions (${assumptions.length}):`, ...assumptions);
  if (estimate.unsupported.length > 0) out.push('', `Not priced (${estimate.unsupported.length}) — excluded from the totals:`, ...estimate.unsupported.map((u) => `  ${u.address}: ${u.reason}`));
  if (estimate.free.length > 0) out.push('', `${estimate.free.length} free resource(s): ${summariseTypes(estimate.free.map((f) => f.type))}`);
  out.push('', `Prices: catalog ${estimate.catalogVersion}, list prices as of ${estimate.pricesAsOf.earliest}…${estimate.pricesAsOf.latest}${estimate.currency === 'USD' ? '' : `; USD→${estimate.currency} ${estimate.fx.rate} (${estimate.fx.asOf})`}. Usage-based lines are 0 until a usage file gives quantities.`);
  return `${out.join('\n')}\n`;
}

function summariseTypes(types: string[]): string {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ');
}

const md = (s: string) => s.replace(/\|/g, '\\|');

/** Markdown for a pull-request comment: the change in monthly cost first, then per-resource details. */
export function estimateToMarkdown(estimate: CostEstimate): string {
  const out: string[] = [];
  const diff = estimate.diffTotalMonthlyCost;
  out.push(
    `### 💰 Cloudwright cost estimate`,
    '',
    `Monthly cost will ${diff.isZero() ? 'not change' : diff.amount.isNegative() ? `decrease by **${diff.format().replace('-', '')}**` : `increase by **${diff.format()}**`} ` +
      `(${estimate.pastTotalMonthlyCost.format()} → **${estimate.totalMonthlyCost.format()}**, ${estimate.commitment} prices).`,
    '',
    '| Resource | Action | Previous | New | Change |',
    '|---|---|--:|--:|--:|',
  );
  const changed = estimate.resources.filter((r) => !r.diffMonthlyCost.isZero() || r.action !== 'no-op');
  for (const r of changed) {
    out.push(`| \`${md(r.address)}\` | ${r.action} | ${r.pastMonthlyCost.format()} | ${r.monthlyCost.format()} | ${signed(r.diffMonthlyCost)} |`);
  }
  out.push(`| **Total** | | ${estimate.pastTotalMonthlyCost.format()} | **${estimate.totalMonthlyCost.format()}** | **${signed(diff)}** |`, '');
  out.push('<details><summary>Cost components</summary>', '', '| Resource | Component | Quantity | Unit price | Monthly |', '|---|---|--:|--:|--:|');
  for (const r of changed) {
    for (const c of r.components) out.push(`| \`${md(r.address)}\` | ${md(c.name)} | ${qty(c)} ${c.unit} | ${unitPrice(c.unitPrice)} | ${c.usageBased && c.monthlyQuantity.isZero() ? 'usage-based' : c.monthlyCost.format()} |`);
  }
  out.push('', '</details>', '');
  const assumptions = estimate.resources.flatMap((r) => r.assumptions.map((a) => `- \`${md(r.address)}\`: ${md(a.attribute)} = ${md(a.assumed)} (${a.cause}; ${md(a.reason)})`));
  if (assumptions.length > 0) out.push(`<details><summary>${assumptions.length} assumption(s)</summary>`, '', ...assumptions, '', '</details>', '');
  if (estimate.unsupported.length > 0) out.push(`**${estimate.unsupported.length} resource(s) not priced** (excluded from the totals):`, '', ...estimate.unsupported.map((u) => `- \`${md(u.address)}\`: ${md(u.reason)}`), '');
  out.push(`<sub>Catalog ${estimate.catalogVersion}, list prices as of ${estimate.pricesAsOf.latest}${estimate.currency === 'USD' ? '' : `, USD→${estimate.currency} ${estimate.fx.rate} (${estimate.fx.asOf})`}. ${estimate.free.length} free resource(s) not shown.</sub>`);
  return `${out.join('\n')}\n`;
}

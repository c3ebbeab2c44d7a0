/**
 * Child process of `bench:cost`: prices one plan file the way `cloudwright cost estimate --output json` does
 * (read, parse, estimate, render JSON) and prints its timings and peak RSS as one JSON line. A fresh process per run
 * so the peak RSS is the estimate's own.
 */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { defaultCatalog, defaultRegistry, estimatePlan, estimateToJson } from '@cloudwright/pricing';

const path = process.argv[2];
if (!path) throw new Error('usage: price-plan-child <plan.json>');
const t0 = performance.now();
const catalog = defaultCatalog();
const registry = defaultRegistry();
const tc = performance.now();
const text = readFileSync(path, 'utf8');
const plan = parsePlanText(text);
const t1 = performance.now();
const estimate = estimatePlan(plan, { catalog, registry });
const t2 = performance.now();
const json = JSON.stringify(estimateToJson(estimate));
const t3 = performance.now();
console.log(
  JSON.stringify({
    totalMs: t3 - t0,
    catalogMs: tc - t0,
    parseMs: t1 - tc,
    estimateMs: t2 - t1,
    renderMs: t3 - t2,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources: plan.resources.length,
    priced: estimate.resources.length,
    unsupported: estimate.unsupported.length,
    free: estimate.free.length,
    unsupportedTypes: [...new Set(estimate.unsupported.map((u) => u.type))],
    outputBytes: json.length,
    totalMonthlyCost: estimate.totalMonthlyCost.toFixed(2),
  }),
);

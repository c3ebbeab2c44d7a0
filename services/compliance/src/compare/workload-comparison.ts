import { CATEGORIES, SEVERITIES, type Category, type ScanReport, type Severity } from '@cloudwright/compliance';

/** How a workload fares in a category: some finding fails, every evaluated one passes, or no rule judged it. */
export type CategoryStatus = 'fail' | 'pass' | 'not-evaluated';

export interface WorkloadSummary {
  label: string;
  resources: number;
  overall: number | null;
  frameworks: { framework: string; score: number | null }[];
  failing: { total: number; bySeverity: Record<Severity, number>; byCategory: Partial<Record<Category, number>> };
}

export interface CategoryComparison {
  category: Category;
  status: Record<string, CategoryStatus>;
  /** Failing findings per workload. */
  failing: Record<string, number>;
  /** Severity-weighted pass rate per workload in this category (null when nothing was evaluated). */
  scores: Record<string, number | null>;
  /** True when the workloads do not all have the same status in this category. */
  differs: boolean;
}

export interface FrameworkComparison {
  framework: string;
  scores: Record<string, number | null>;
  /** Highest minus lowest score (null unless every workload has one). */
  spread: number | null;
}

export interface WorkloadComparison {
  labels: string[];
  workloads: WorkloadSummary[];
  /** Categories evaluated in at least one workload, in the engine's category order. */
  categories: CategoryComparison[];
  differingCategories: Category[];
  frameworks: FrameworkComparison[];
  /** The workload(s) with the highest overall score. */
  best: string[];
}

const WEIGHT: Record<Severity, number> = { critical: 10, high: 7, medium: 4, low: 2, info: 1 };
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Compares the scans of the same workload written for different clouds (`aws`, `azure`, `gcp`): overall and framework
 * scores, failing findings by severity and category, and the categories where the workloads differ — one fails where
 * another passes, or only one is judged at all. Reports must include passed findings (`includePassed`).
 */
export function compareWorkloads(reports: Readonly<Record<string, ScanReport>>): WorkloadComparison {
  const labels = Object.keys(reports);
  const workloads: WorkloadSummary[] = [];
  type Cell = { passed: number; failed: number; passedWeight: number; totalWeight: number };
  const perCategory = new Map<Category, Map<string, Cell>>();
  for (const label of labels) {
    const report = reports[label];
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const byCategory: Partial<Record<Category, number>> = {};
    let total = 0;
    for (const f of report.findings) {
      if (f.status !== 'pass' && f.status !== 'fail') continue;
      let categories = perCategory.get(f.category);
      if (!categories) perCategory.set(f.category, (categories = new Map<string, Cell>()));
      const cell = categories.get(label) ?? { passed: 0, failed: 0, passedWeight: 0, totalWeight: 0 };
      cell.totalWeight += WEIGHT[f.severity];
      if (f.status === 'pass') {
        cell.passed += 1;
        cell.passedWeight += WEIGHT[f.severity];
      } else {
        cell.failed += 1;
        bySeverity[f.severity] += 1;
        byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
        total += 1;
      }
      categories.set(label, cell);
    }
    workloads.push({
      label,
      resources: report.summary.resources,
      overall: report.scores.overall,
      frameworks: report.scores.frameworks.map((f) => ({ framework: f.framework, score: f.score })),
      failing: { total, bySeverity, byCategory },
    });
  }

  const categories: CategoryComparison[] = [];
  for (const category of CATEGORIES) {
    const cells = perCategory.get(category);
    if (!cells) continue;
    const status: Record<string, CategoryStatus> = {};
    const failing: Record<string, number> = {};
    const scores: Record<string, number | null> = {};
    for (const label of labels) {
      const cell = cells.get(label);
      status[label] = !cell ? 'not-evaluated' : cell.failed > 0 ? 'fail' : 'pass';
      failing[label] = cell?.failed ?? 0;
      scores[label] = cell && cell.totalWeight > 0 ? round1((100 * cell.passedWeight) / cell.totalWeight) : null;
    }
    categories.push({ category, status, failing, scores, differs: new Set(Object.values(status)).size > 1 });
  }

  const frameworkIds = [...new Set(workloads.flatMap((w) => w.frameworks.map((f) => f.framework)))].sort();
  const frameworks = frameworkIds.map((framework) => {
    const scores: Record<string, number | null> = {};
    for (const w of workloads) scores[w.label] = w.frameworks.find((f) => f.framework === framework)?.score ?? null;
    const values = Object.values(scores);
    const known = values.filter((v): v is number => v !== null);
    return { framework, scores, spread: known.length === values.length && known.length > 0 ? round1(Math.max(...known) - Math.min(...known)) : null };
  });

  const scored = workloads.filter((w) => w.overall !== null);
  const top = scored.length ? Math.max(...scored.map((w) => w.overall as number)) : null;
  return {
    labels,
    workloads,
    categories,
    differingCategories: categories.filter((c) => c.differs).map((c) => c.category),
    frameworks,
    best: top === null ? [] : scored.filter((w) => w.overall === top).map((w) => w.label),
  };
}

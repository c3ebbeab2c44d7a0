import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { UnitOfWork, type Transaction } from '@cloudwright/messaging';
import { Money, evaluateBudget, type BudgetEvaluation, type Currency } from '@cloudwright/pricing';
import { DataSource, type EntityManager } from 'typeorm';
import { type AlertDraft, syncAlerts } from '../alerts/alert-sync';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';
import { CostFactsRepository } from '../costs/cost-facts.repository';
import { type BudgetEntity } from './budget.entity';
import { toBudgetDto, toBudgetRow, type BudgetDto, type BudgetStatusDto } from './budget.mapper';
import { lastCompleteDay, monthOf } from './budget-period';
import { BudgetRepository } from './budget.repository';

interface Evaluated {
  budget: BudgetEntity;
  period: { start: string; end: string; label: string };
  asOf: string;
  evaluation: BudgetEvaluation;
}

/**
 * Budgets per stack/environment (optionally one tag): CRUD, status, and alerts. A budget is evaluated with
 * `evaluateBudget` over the calendar month of its latest day of actuals (the last complete day when it has none), so
 * a month of imported actuals is judged as of its last imported day. Every crossed threshold raises
 * `alert.raised.v1` once (key `cost-budget:<stack>:<env>:<budgetId>:<threshold>:<YYYY-MM>`); a forecast overrun raises
 * `cost-budget-forecast:<stack>:<env>:<budgetId>:<YYYY-MM>`; a key no longer crossed (budget raised, new month) is resolved.
 */
@Injectable()
export class BudgetsService {
  constructor(
    @Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Creates or replaces the budget of a scope and re-evaluates its alerts. */
  async put(input: unknown): Promise<BudgetStatusDto> {
    const row = toBudgetRow(input);
    return this.unitOfWork.run(async (tx) => {
      const stored = await new BudgetRepository(tx.manager).upsert(row);
      const evaluated = await this.evaluate(tx.manager, stored);
      await this.syncBudgetAlerts(tx, evaluated);
      return toStatusDto(evaluated);
    });
  }

  async get(id: string): Promise<BudgetStatusDto> {
    const row = await new BudgetRepository(this.dataSource.manager).findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `budget ${id} not found`);
    return toStatusDto(await this.evaluate(this.dataSource.manager, row));
  }

  async list(filter: { stack?: string; environment?: string } = {}): Promise<BudgetStatusDto[]> {
    const rows = await new BudgetRepository(this.dataSource.manager).findAll(filter);
    const out: BudgetStatusDto[] = [];
    for (const row of rows) out.push(toStatusDto(await this.evaluate(this.dataSource.manager, row)));
    return out;
  }

  /** Deletes a budget and resolves its alerts. */
  async delete(id: string): Promise<{ deleted: true; resolvedAlerts: string[] }> {
    return this.unitOfWork.run(async (tx) => {
      const repository = new BudgetRepository(tx.manager);
      const row = await repository.findById(id);
      if (!row) throw new DomainError(ErrorCode.NotFound, `budget ${id} not found`);
      await repository.delete(id);
      const resolution = () => `budget ${id} of ${row.stack}/${row.environment} was deleted`;
      const a = await syncAlerts(tx, budgetPrefix(row), [], resolution);
      const b = await syncAlerts(tx, forecastPrefix(row), [], resolution);
      return { deleted: true as const, resolvedAlerts: [...a.resolved, ...b.resolved] };
    });
  }

  /** Evaluates every budget and syncs its alerts (after each import and on the evaluation timer). */
  async evaluateAll(): Promise<{ budgets: number; raised: string[]; resolved: string[] }> {
    const rows = await new BudgetRepository(this.dataSource.manager).findAll();
    const raised: string[] = [];
    const resolved: string[] = [];
    for (const row of rows) {
      await this.unitOfWork.run(async (tx) => {
        const evaluated = await this.evaluate(tx.manager, row);
        const result = await this.syncBudgetAlerts(tx, evaluated);
        raised.push(...result.raised);
        resolved.push(...result.resolved);
      });
    }
    return { budgets: rows.length, raised, resolved };
  }

  private async evaluate(manager: EntityManager, budget: BudgetEntity): Promise<Evaluated> {
    const facts = new CostFactsRepository(manager, this.config.schema);
    const currency = budget.currency.trim() as Currency;
    const asOf = (await facts.latestDay(budget.stack, budget.environment, currency)) ?? lastCompleteDay();
    const period = monthOf(asOf);
    const daily = await facts.dailyCost({
      stack: budget.stack,
      environment: budget.environment,
      currency,
      from: period.start,
      to: period.end,
      ...(budget.tagKey ? { tag: { key: budget.tagKey, value: budget.tagValue } } : {}),
    });
    const evaluation = evaluateBudget(
      { amount: budget.amount, currency, thresholdsPct: budget.thresholdsPct, forecastOverrun: budget.forecastOverrun },
      daily.map((d) => ({ day: d.day, cost: Money.of(d.cost, currency) })),
      { start: period.start, end: period.end },
      asOf,
    );
    return { budget, period, asOf, evaluation };
  }

  private async syncBudgetAlerts(tx: Transaction, e: Evaluated) {
    const { budget, evaluation, period } = e;
    const scope = `${budget.stack}/${budget.environment}${budget.tagKey ? ` (${budget.tagKey}=${budget.tagValue})` : ''}`;
    const labels = { budgetId: budget.id, period: period.label, budget: budget.amount, currency: budget.currency.trim(), spent: evaluation.spent.toDecimalString(2) };
    const spent = `${evaluation.spent.toFixed(2)} ${labels.currency} of ${budget.amount} ${labels.currency} (${evaluation.pctUsed}%) in ${period.label} as of ${e.asOf}`;
    const thresholds: AlertDraft[] = evaluation.crossedThresholdsPct.map((t) => ({
      dedupKey: `${budgetPrefix(budget)}${t}:${period.label}`,
      kind: 'cost-budget',
      severity: t >= 100 ? 'critical' : 'warning',
      title: `${scope} reached ${t}% of its monthly budget`,
      description: `Spent ${spent}.`,
      stack: budget.stack,
      environment: budget.environment,
      labels: { ...labels, thresholdPct: String(t) },
    }));
    const forecast: AlertDraft[] = evaluation.forecastOverrun
      ? [
          {
            dedupKey: `${forecastPrefix(budget)}${period.label}`,
            kind: 'cost-budget-forecast',
            severity: 'warning',
            title: `${scope} is forecast to overrun its monthly budget`,
            description: `Forecast ${evaluation.forecastTotal.toFixed(2)} ${labels.currency} for ${period.label}; spent ${spent}.`,
            stack: budget.stack,
            environment: budget.environment,
            labels: { ...labels, forecast: evaluation.forecastTotal.toDecimalString(2) },
          },
        ]
      : [];
    const resolution = () => `${scope} is back under: spent ${spent}.`;
    const a = await syncAlerts(tx, budgetPrefix(budget), thresholds, resolution);
    const b = await syncAlerts(tx, forecastPrefix(budget), forecast, resolution);
    return { raised: [...a.raised, ...b.raised], resolved: [...a.resolved, ...b.resolved] };
  }
}

const budgetPrefix = (b: BudgetEntity) => `cost-budget:${b.stack}:${b.environment}:${b.id}:`;
const forecastPrefix = (b: BudgetEntity) => `cost-budget-forecast:${b.stack}:${b.environment}:${b.id}:`;

function toStatusDto(e: Evaluated): BudgetStatusDto {
  const dto: BudgetDto = toBudgetDto(e.budget);
  return {
    ...dto,
    status: {
      period: { start: e.period.start, end: e.period.end },
      asOf: e.asOf,
      spent: e.evaluation.spent.toDecimalString(2),
      pctUsed: e.evaluation.pctUsed,
      crossedThresholdsPct: e.evaluation.crossedThresholdsPct,
      forecastTotal: e.evaluation.forecastTotal.toDecimalString(2),
      forecastOverrun: e.evaluation.forecastOverrun,
      status: e.evaluation.status,
    },
  };
}

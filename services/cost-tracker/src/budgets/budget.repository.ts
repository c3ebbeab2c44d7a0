import { type EntityManager } from 'typeorm';
import { BudgetEntity } from './budget.entity';

/** Persistence of budgets (the cost-tracker's schema only). */
export class BudgetRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(id: string): Promise<BudgetEntity | null> {
    return this.manager.getRepository(BudgetEntity).findOneBy({ id });
  }

  /** The budget of the whole stack/environment (no tag filter). */
  findForStack(stack: string, environment: string): Promise<BudgetEntity | null> {
    return this.manager.getRepository(BudgetEntity).findOneBy({ stack, environment, tagKey: '', tagValue: '' });
  }

  findAll(filter: { stack?: string; environment?: string } = {}): Promise<BudgetEntity[]> {
    const where: Partial<Pick<BudgetEntity, 'stack' | 'environment'>> = {};
    if (filter.stack) where.stack = filter.stack;
    if (filter.environment) where.environment = filter.environment;
    return this.manager.getRepository(BudgetEntity).find({ where, order: { stack: 'ASC', environment: 'ASC', tagKey: 'ASC', tagValue: 'ASC' } });
  }

  /** Inserts or replaces the budget of a scope (stack, environment, tag); returns the stored row. */
  async upsert(budget: Omit<BudgetEntity, 'createdAt' | 'updatedAt'>): Promise<BudgetEntity> {
    const table = this.manager.getRepository(BudgetEntity).metadata.tablePath.split('.').map((p) => `"${p}"`).join('.');
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO ${table} (id, stack, environment, tag_key, tag_value, amount, currency, period, thresholds_pct, forecast_overrun)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (stack, environment, tag_key, tag_value) DO UPDATE SET amount = EXCLUDED.amount, currency = EXCLUDED.currency,
         thresholds_pct = EXCLUDED.thresholds_pct, forecast_overrun = EXCLUDED.forecast_overrun, updated_at = now()
       RETURNING id`,
      [budget.id, budget.stack, budget.environment, budget.tagKey, budget.tagValue, budget.amount, budget.currency, budget.period, budget.thresholdsPct, budget.forecastOverrun],
    );
    return this.manager.getRepository(BudgetEntity).findOneByOrFail({ id: rows[0].id });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.manager.getRepository(BudgetEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

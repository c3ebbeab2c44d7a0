import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BudgetsService } from '../budgets/budgets.service';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { CostImportsService } from '../imports/cost-imports.service';
import { AnomaliesService } from './anomalies.service';

/** Evaluates budgets and anomalies after each import and every CW_COST_EVALUATE_INTERVAL_MS (daily checks). */
@Injectable()
export class EvaluationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('cost-evaluation');
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
    private readonly budgets: BudgetsService,
    private readonly anomalies: AnomaliesService,
    imports: CostImportsService,
  ) {
    imports.afterImport = () => this.evaluate();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.evaluate().catch((error: unknown) => this.logger.error(`scheduled evaluation failed: ${String(error)}`)), this.config.evaluateIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => undefined);
  }

  /** One evaluation at a time: budgets, then anomalies. */
  evaluate(): Promise<void> {
    const next = this.chain.catch(() => undefined).then(async () => {
      const budgets = await this.budgets.evaluateAll();
      const anomalies = await this.anomalies.detectAll();
      if (budgets.raised.length || budgets.resolved.length || anomalies.raised.length || anomalies.resolved.length) {
        this.logger.log(`alerts raised: ${[...budgets.raised, ...anomalies.raised].join(', ') || 'none'}; resolved: ${[...budgets.resolved, ...anomalies.resolved].join(', ') || 'none'}`);
      }
    });
    this.chain = next;
    return next;
  }
}

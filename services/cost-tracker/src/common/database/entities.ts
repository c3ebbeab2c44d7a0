import { CostImportEntity } from '../../imports/cost-import.entity';
import { CostAlertEntity } from '../../alerts/cost-alert.entity';
import { BudgetEntity } from '../../budgets/budget.entity';
import { CostEstimateEntity, CostEstimateResourceEntity } from '../../estimates/cost-estimate.entity';

/** Every TypeORM entity of the cost-tracker (private to this service). */
export const COST_TRACKER_ENTITIES = [CostEstimateEntity, CostEstimateResourceEntity, BudgetEntity, CostAlertEntity, CostImportEntity];

import { type EntityManager, type FindOptionsWhere } from 'typeorm';
import { CostEstimateEntity, CostEstimateResourceEntity } from './cost-estimate.entity';

/** Persistence of estimates and their per-resource costs. */
export class CostEstimateRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Stores an estimate. For a deployment, it replaces the previous estimate of that deployment (a re-estimate after
   * a plan change), with its resources.
   */
  async save(estimate: CostEstimateEntity, resources: readonly Omit<CostEstimateResourceEntity, 'estimateId'>[]): Promise<void> {
    const estimates = this.manager.getRepository(CostEstimateEntity);
    if (estimate.deploymentId !== null) await estimates.delete({ deploymentId: estimate.deploymentId });
    await estimates.save(estimates.create(estimate));
    if (resources.length) {
      const rows = resources.map((r) => ({ ...r, estimateId: estimate.id }));
      for (let i = 0; i < rows.length; i += 1000) await this.manager.getRepository(CostEstimateResourceEntity).insert(rows.slice(i, i + 1000));
    }
  }

  findByDeployment(deploymentId: string): Promise<CostEstimateEntity | null> {
    return this.manager.getRepository(CostEstimateEntity).findOneBy({ deploymentId });
  }

  findResources(estimateId: string): Promise<CostEstimateResourceEntity[]> {
    return this.manager.getRepository(CostEstimateResourceEntity).find({ where: { estimateId }, order: { address: 'ASC' } });
  }

  findRecent(filter: { stack?: string; environment?: string; limit: number }): Promise<CostEstimateEntity[]> {
    const where: FindOptionsWhere<CostEstimateEntity> = {};
    if (filter.stack) where.stack = filter.stack;
    if (filter.environment) where.environment = filter.environment;
    return this.manager.getRepository(CostEstimateEntity).find({
      where,
      order: { createdAt: 'DESC' },
      take: filter.limit,
      // the full estimate JSON is left out of lists
      select: {
        id: true, deploymentId: true, stack: true, environment: true, requestKey: true, status: true, currency: true, hourly: true, monthly: true,
        yearly: true, pastMonthly: true, diffMonthly: true, resourceCount: true, unsupportedCount: true, catalogVersion: true, budget: true,
        error: true, correlationId: true, createdAt: true,
      },
    });
  }
}

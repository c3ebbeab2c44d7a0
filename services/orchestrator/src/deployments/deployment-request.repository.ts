import { quoteIdent } from '@cloudwright/messaging';
import { type EntityManager } from 'typeorm';
import { DeploymentRequestEntity } from './deployment-request.entity';

export type NewDeploymentRequest = Omit<DeploymentRequestEntity, 'receivedAt' | 'duplicateRequests' | 'labels'> & { labels: Record<string, string> };

/** Persistence of deployment requests (the orchestrator's schema only). */
export class DeploymentRequestRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Inserts the request, or counts a duplicate when its request key is known. Atomic under concurrency
   * (one statement on the unique key). Returns the stored row and whether it was new.
   */
  async acceptOnce(request: NewDeploymentRequest): Promise<{ row: DeploymentRequestEntity; created: boolean }> {
    const table = this.manager.getRepository(DeploymentRequestEntity).metadata.tablePath;
    const rows: { id: string; inserted: boolean }[] = await this.manager.query(
      `INSERT INTO ${table.split('.').map(quoteIdent).join('.')}
         (id, request_key, stack, environment, target_clouds, plan_source, plan_sha256, plan_bytes, resource_changes, ci, labels, correlation_id, status, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (request_key) DO UPDATE SET duplicate_requests = deployment_requests.duplicate_requests + 1
       RETURNING id, (xmax = 0) AS inserted`,
      [
        request.id,
        request.requestKey,
        request.stack,
        request.environment,
        request.targetClouds,
        request.planSource,
        request.planSha256,
        request.planBytes,
        request.resourceChanges,
        JSON.stringify(request.ci),
        JSON.stringify(request.labels),
        request.correlationId,
        request.status,
        request.requestedAt,
      ],
    );
    const first = rows[0];
    const row = await this.manager.getRepository(DeploymentRequestEntity).findOneByOrFail({ id: first.id });
    return { row, created: first.inserted };
  }

  findById(id: string): Promise<DeploymentRequestEntity | null> {
    return this.manager.getRepository(DeploymentRequestEntity).findOneBy({ id });
  }

  findByRequestKey(requestKey: string): Promise<DeploymentRequestEntity | null> {
    return this.manager.getRepository(DeploymentRequestEntity).findOneBy({ requestKey });
  }

  findRecent(filter: { stack?: string; environment?: string; limit: number }): Promise<DeploymentRequestEntity[]> {
    const where: Partial<Pick<DeploymentRequestEntity, 'stack' | 'environment'>> = {};
    if (filter.stack) where.stack = filter.stack;
    if (filter.environment) where.environment = filter.environment;
    return this.manager.getRepository(DeploymentRequestEntity).find({ where, order: { receivedAt: 'DESC' }, take: filter.limit });
  }
}

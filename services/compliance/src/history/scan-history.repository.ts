import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ComplianceScanEntity, FrameworkScoreEntity, ScanFindingEntity, type StoredFindingStatus } from '../scans/compliance-scan.entity';

/** Read side over stored scans: latest scan per stack/environment, score history, findings of the latest scans. */
export class ScanHistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The latest completed scan of each stack/environment (optionally one stack and/or environment). */
  latestScans(filter: { stack?: string; environment?: string }): Promise<ComplianceScanEntity[]> {
    const query = this.manager
      .getRepository(ComplianceScanEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.deploymentId', 's.stack', 's.environment', 's.ruleSetVersion', 's.frameworks', 's.overallScore', 's.verdict', 's.blockOn', 's.counts', 's.createdAt'])
      .distinctOn(['s.stack', 's.environment'])
      .where('s.status = :status', { status: 'scanned' });
    if (filter.stack) query.andWhere('s.stack = :stack', { stack: filter.stack });
    if (filter.environment) query.andWhere('s.environment = :environment', { environment: filter.environment });
    return query.orderBy('s.stack', 'ASC').addOrderBy('s.environment', 'ASC').addOrderBy('s.createdAt', 'DESC').getMany();
  }

  frameworkScores(scanIds: readonly string[], framework?: string): Promise<FrameworkScoreEntity[]> {
    if (!scanIds.length) return Promise.resolve([]);
    const where: FindOptionsWhere<FrameworkScoreEntity> = { scanId: In([...scanIds]) };
    if (framework) where.framework = framework;
    return this.manager.getRepository(FrameworkScoreEntity).find({
      where,
      order: { framework: 'ASC' },
      select: { scanId: true, framework: true, name: true, version: true, score: true, passed: true, failed: true, unknown: true, manual: true, notApplicable: true, muted: true },
    });
  }

  /** The last `limit` completed scans of a stack/environment, newest first. */
  scoreHistory(stack: string, environment: string, limit: number): Promise<ComplianceScanEntity[]> {
    return this.manager.getRepository(ComplianceScanEntity).find({
      where: { stack, environment, status: 'scanned' },
      order: { createdAt: 'DESC' },
      take: limit,
      select: { id: true, deploymentId: true, overallScore: true, verdict: true, counts: true, ruleSetVersion: true, createdAt: true },
    });
  }

  /** The last `limit` scores of a framework for a stack/environment, newest first. */
  frameworkHistory(stack: string, environment: string, framework: string, limit: number): Promise<FrameworkScoreEntity[]> {
    return this.manager.getRepository(FrameworkScoreEntity).find({
      where: { stack, environment, framework },
      order: { createdAt: 'DESC' },
      take: limit,
      select: { scanId: true, framework: true, score: true, passed: true, failed: true, unknown: true, manual: true, notApplicable: true, muted: true, createdAt: true },
    });
  }

  findings(scanIds: readonly string[], filter: { severity?: string; status?: StoredFindingStatus; ruleId?: string; limit: number }): Promise<ScanFindingEntity[]> {
    if (!scanIds.length) return Promise.resolve([]);
    const where: FindOptionsWhere<ScanFindingEntity> = { scanId: In([...scanIds]) };
    if (filter.severity) where.severity = filter.severity;
    if (filter.status) where.status = filter.status;
    if (filter.ruleId) where.ruleId = filter.ruleId;
    return this.manager.getRepository(ScanFindingEntity).find({ where, order: { scanId: 'ASC', ordinal: 'ASC' }, take: filter.limit });
  }
}

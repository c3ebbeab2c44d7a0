import { In, type EntityManager, type FindOptionsWhere, type QueryDeepPartialEntity } from 'typeorm';
import { type FailingFinding } from '../alerts/alert-decisions';
import { ComplianceScanEntity, FrameworkScoreEntity, ScanFindingEntity } from './compliance-scan.entity';

/** Columns of a scan without its large JSON documents (summary, audit), for lists. */
const SUMMARY_COLUMNS = {
  id: true, deploymentId: true, stack: true, environment: true, requestKey: true, source: true, status: true, inputDigest: true, planSha256: true,
  ruleSetVersion: true, frameworks: true, overallScore: true, verdict: true, blockOn: true, minScore: true, gate: true, counts: true, error: true,
  correlationId: true, createdAt: true,
} as const;

const FINDINGS_PER_INSERT = 500;

/** Persistence of scans with their framework scores and findings. */
export class ComplianceScanRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Serialises the scans of one stack/environment until the transaction ends (a transaction-scoped advisory lock), so
   * "the previous scan" and the alert state are read and written by one scan at a time.
   */
  async lockScope(stack: string, environment: string): Promise<void> {
    const table = this.manager.getRepository(ComplianceScanEntity).metadata.tablePath;
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:${stack}:${environment}`]);
  }

  async save(scan: ComplianceScanEntity, frameworks: readonly FrameworkScoreEntity[] = [], findings: readonly ScanFindingEntity[] = []): Promise<void> {
    // JSON columns hold typed documents TypeORM's deep-partial type cannot follow
    await this.manager.getRepository(ComplianceScanEntity).insert(scan as QueryDeepPartialEntity<ComplianceScanEntity>);
    if (frameworks.length) await this.manager.getRepository(FrameworkScoreEntity).insert([...frameworks] as QueryDeepPartialEntity<FrameworkScoreEntity>[]);
    for (let i = 0; i < findings.length; i += FINDINGS_PER_INSERT) {
      await this.manager.getRepository(ScanFindingEntity).insert(findings.slice(i, i + FINDINGS_PER_INSERT) as QueryDeepPartialEntity<ScanFindingEntity>[]);
    }
  }

  /** The completed scan of a deployment with these inputs, if one was stored. */
  findScannedForDeployment(deploymentId: string, inputDigest: string): Promise<ComplianceScanEntity | null> {
    return this.manager.getRepository(ComplianceScanEntity).findOne({ where: { deploymentId, inputDigest, status: 'scanned' }, select: SUMMARY_COLUMNS });
  }

  /** The latest scan of a deployment (completed or failed). */
  findLatestForDeployment(deploymentId: string): Promise<ComplianceScanEntity | null> {
    return this.manager.getRepository(ComplianceScanEntity).findOne({ where: { deploymentId }, order: { createdAt: 'DESC' } });
  }

  findById(id: string): Promise<ComplianceScanEntity | null> {
    return this.manager.getRepository(ComplianceScanEntity).findOneBy({ id });
  }

  /** The latest completed scan of a stack/environment. */
  findLatestScanned(stack: string, environment: string): Promise<ComplianceScanEntity | null> {
    return this.manager.getRepository(ComplianceScanEntity).findOne({ where: { stack, environment, status: 'scanned' }, order: { createdAt: 'DESC' }, select: SUMMARY_COLUMNS });
  }

  findFrameworkScores(scanId: string): Promise<FrameworkScoreEntity[]> {
    return this.manager.getRepository(FrameworkScoreEntity).find({ where: { scanId }, order: { framework: 'ASC' } });
  }

  findFindings(scanId: string): Promise<ScanFindingEntity[]> {
    return this.manager.getRepository(ScanFindingEntity).find({ where: { scanId }, order: { ordinal: 'ASC' } });
  }

  /** The failing (unwaived) findings of a scan. */
  async findFailing(scanId: string): Promise<FailingFinding[]> {
    const rows = await this.manager.getRepository(ScanFindingEntity).find({ where: { scanId, status: 'fail' }, select: { ruleId: true, address: true, severity: true, title: true } });
    return rows.map((r) => ({ ruleId: r.ruleId, address: r.address, severity: r.severity, title: r.title }));
  }

  findRecent(filter: { stack?: string; environment?: string; deploymentIds?: string[]; limit: number }): Promise<ComplianceScanEntity[]> {
    const where: FindOptionsWhere<ComplianceScanEntity> = {};
    if (filter.stack) where.stack = filter.stack;
    if (filter.environment) where.environment = filter.environment;
    if (filter.deploymentIds) where.deploymentId = In(filter.deploymentIds);
    return this.manager.getRepository(ComplianceScanEntity).find({ where, order: { createdAt: 'DESC' }, take: filter.limit, select: SUMMARY_COLUMNS });
  }
}

import { In, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { tableOf } from '../common/database/data-source';
import { WaiverEntity } from './waiver.entity';
import { type WaiverRow } from './waiver.mapper';

/** Persistence of waivers. Scope columns hold '' for "every stack / every environment". */
export class WaiverRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts or replaces the waiver with the same id in the same scope; returns the stored row. */
  async upsert(row: WaiverRow): Promise<WaiverEntity> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO ${tableOf(this.manager, WaiverEntity)} (id, waiver_id, stack, environment, rule_id, resource, framework, requirement, reason, owner, expires, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (stack, environment, waiver_id) DO UPDATE SET rule_id = EXCLUDED.rule_id, resource = EXCLUDED.resource,
         framework = EXCLUDED.framework, requirement = EXCLUDED.requirement, reason = EXCLUDED.reason, owner = EXCLUDED.owner,
         expires = EXCLUDED.expires, source = EXCLUDED.source, updated_at = now()
       RETURNING id`,
      [row.id, row.waiverId, row.stack, row.environment, row.ruleId, row.resource, row.framework, row.requirement, row.reason, row.owner, row.expires, row.source],
    );
    return this.manager.getRepository(WaiverEntity).findOneByOrFail({ id: rows[0].id });
  }

  findById(id: string): Promise<WaiverEntity | null> {
    return this.manager.getRepository(WaiverEntity).findOneBy({ id });
  }

  /**
   * The waivers that apply to a stack/environment (theirs and those of every stack or every environment), optionally
   * only those not expired before `fromDay` (YYYY-MM-DD). Without stack or environment, any value of it.
   */
  findApplicable(filter: { stack?: string; environment?: string; fromDay?: string }): Promise<WaiverEntity[]> {
    const where: FindOptionsWhere<WaiverEntity> = {};
    if (filter.stack) where.stack = In(['', filter.stack]);
    if (filter.environment) where.environment = In(['', filter.environment]);
    if (filter.fromDay) where.expires = MoreThanOrEqual(filter.fromDay);
    return this.manager.getRepository(WaiverEntity).find({ where, order: { stack: 'ASC', environment: 'ASC', waiverId: 'ASC' } });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.manager.getRepository(WaiverEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

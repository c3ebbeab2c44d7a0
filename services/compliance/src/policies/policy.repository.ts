import { type EntityManager } from 'typeorm';
import { PolicyEntity } from './policy.entity';
import { type PolicyRow } from './policy.mapper';

/** Persistence of gate policies, one per environment. */
export class PolicyRepository {
  constructor(private readonly manager: EntityManager) {}

  findFor(environment: string): Promise<PolicyEntity | null> {
    return this.manager.getRepository(PolicyEntity).findOneBy({ environment });
  }

  findAll(): Promise<PolicyEntity[]> {
    return this.manager.getRepository(PolicyEntity).find({ order: { environment: 'ASC' } });
  }

  async upsert(row: PolicyRow): Promise<PolicyEntity> {
    await this.manager.getRepository(PolicyEntity).upsert({ ...row, updatedAt: new Date() }, ['environment']);
    return this.manager.getRepository(PolicyEntity).findOneByOrFail({ environment: row.environment });
  }

  async delete(environment: string): Promise<boolean> {
    const result = await this.manager.getRepository(PolicyEntity).delete({ environment });
    return (result.affected ?? 0) > 0;
  }
}

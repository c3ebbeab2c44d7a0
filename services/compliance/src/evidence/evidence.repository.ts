import { type EntityManager } from 'typeorm';
import { EvidenceEntity } from './evidence.entity';
import { type EvidenceItemDto } from './evidence.mapper';

/** Persistence of the evidence of stacks/environments. */
export class EvidenceRepository {
  constructor(private readonly manager: EntityManager) {}

  findFor(stack: string, environment: string): Promise<EvidenceEntity[]> {
    return this.manager.getRepository(EvidenceEntity).find({ where: { stack, environment }, order: { key: 'ASC' } });
  }

  /** Replaces the whole evidence set of a stack/environment (call inside a transaction). */
  async replace(stack: string, environment: string, items: readonly EvidenceItemDto[]): Promise<void> {
    const repository = this.manager.getRepository(EvidenceEntity);
    await repository.delete({ stack, environment });
    if (items.length) {
      await repository.insert(items.map((item) => ({ stack, environment, key: item.key, value: item.value, source: item.source ?? null, updatedAt: new Date() })));
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { DataSource } from 'typeorm';
import { COMPLIANCE_CONFIG, type ComplianceConfig } from '../common/config/compliance.config';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { PolicyRepository } from './policy.repository';
import { effectivePolicy, toPolicyRow, type EffectivePolicy } from './policy.mapper';

/** Gate policies per environment: what blocks (blockOn, minScore) and which frameworks are scanned by default. */
@Injectable()
export class PoliciesService {
  constructor(
    @Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COMPLIANCE_CONFIG) private readonly config: ComplianceConfig,
  ) {}

  async put(environment: string, input: unknown): Promise<EffectivePolicy> {
    const row = toPolicyRow(environment, input);
    const stored = await new PolicyRepository(this.dataSource.manager).upsert(row);
    return effectivePolicy(environment, stored, this.config.blockOn);
  }

  /** Every stored policy, and the default of the other environments. */
  async list(): Promise<{ default: EffectivePolicy; environments: EffectivePolicy[] }> {
    const rows = await new PolicyRepository(this.dataSource.manager).findAll();
    return { default: effectivePolicy(null, null, this.config.blockOn), environments: rows.map((row) => effectivePolicy(row.environment, row, this.config.blockOn)) };
  }

  /** The policy a scan of this environment uses. */
  async get(environment: string): Promise<EffectivePolicy> {
    return effectivePolicy(environment, await new PolicyRepository(this.dataSource.manager).findFor(environment), this.config.blockOn);
  }

  async delete(environment: string): Promise<{ deleted: true; environment: string }> {
    if (!(await new PolicyRepository(this.dataSource.manager).delete(environment))) throw new DomainError(ErrorCode.NotFound, `no policy for environment ${environment}`);
    return { deleted: true, environment };
  }
}

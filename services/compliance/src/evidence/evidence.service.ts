import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN } from '@cloudwright/contracts';
import { UnitOfWork } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { EvidenceRepository } from './evidence.repository';
import { toEvidenceItemDto, toEvidenceItems, type EvidenceDto } from './evidence.mapper';

/**
 * Evidence a plan cannot give (runbooks written, MFA enforced…) per stack/environment: evidence rules read it on
 * every scan of that stack/environment, merged under the evidence a scan request brings.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async put(stack: string, environment: string, body: unknown): Promise<EvidenceDto> {
    checkScope(stack, environment);
    const items = toEvidenceItems(body);
    await this.unitOfWork.run((tx) => new EvidenceRepository(tx.manager).replace(stack, environment, items));
    return this.get(stack, environment);
  }

  async get(stack: string, environment: string): Promise<EvidenceDto> {
    checkScope(stack, environment);
    const rows = await new EvidenceRepository(this.dataSource.manager).findFor(stack, environment);
    return { stack, environment, items: rows.map(toEvidenceItemDto) };
  }
}

function checkScope(stack: string, environment: string): void {
  const errors = [
    ...(NAME_PATTERN.test(stack) ? [] : [{ path: 'stack', message: `must be ${NAME_HINT}` }]),
    ...(NAME_PATTERN.test(environment) ? [] : [{ path: 'environment', message: `must be ${NAME_HINT}` }]),
  ];
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid scope: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
}

import { Inject, Injectable } from '@nestjs/common';
import { DeploymentRequestedV1, DomainError, ErrorCode, type CloudEvent } from '@cloudwright/contracts';
import { type HandlerContext, UnitOfWork, type Logger } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { DeploymentRequestRepository } from './deployment-request.repository';
import { toDeploymentRequestDto, toNewDeploymentRequest, type DeploymentRequestDto } from './deployment.mapper';

export const ORCHESTRATOR_DATA_SOURCE = Symbol('ORCHESTRATOR_DATA_SOURCE');

/**
 * Step 1 of the deployment saga (DESIGN.md): accept `deployment.requested.v1` from CI, idempotently on the request
 * key — a re-run of the same CI job never starts a second deployment. The gates and provisioning that follow are
 * the deployment-saga issue's work.
 */
@Injectable()
export class DeploymentIntakeService {
  constructor(
    @Inject(ORCHESTRATOR_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Records a request from the event stream (runs in the consumer's transaction). */
  async accept(event: CloudEvent<DeploymentRequestedV1>, ctx: Pick<HandlerContext, 'tx'> & { logger: Logger }): Promise<{ deploymentId: string; created: boolean }> {
    const repository = new DeploymentRequestRepository(ctx.tx.manager);
    const { row, created } = await repository.acceptOnce(toNewDeploymentRequest(event));
    ctx.logger.info(
      { deploymentId: row.id, requestKey: row.requestKey, stack: row.stack, environment: row.environment, created },
      created ? 'deployment request accepted' : 'deployment request already known; not starting a second deployment',
    );
    return { deploymentId: row.id, created };
  }

  /** Publishes a request received over HTTP through the outbox (same path as CI publishing to the stream). */
  async submit(data: DeploymentRequestedV1): Promise<{ eventId: string; requestKey: string; correlationId: string }> {
    const event = await this.unitOfWork.run((tx) => tx.publish(DeploymentRequestedV1, data, { subject: data.requestKey }));
    return { eventId: event.id, requestKey: data.requestKey, correlationId: event.correlationid };
  }

  async get(id: string): Promise<DeploymentRequestDto> {
    const row = await new DeploymentRequestRepository(this.dataSource.manager).findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `deployment ${id} not found`);
    return toDeploymentRequestDto(row);
  }

  async getByRequestKey(requestKey: string): Promise<DeploymentRequestDto> {
    const row = await new DeploymentRequestRepository(this.dataSource.manager).findByRequestKey(requestKey);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no deployment for request key ${requestKey}`);
    return toDeploymentRequestDto(row);
  }

  async list(filter: { stack?: string; environment?: string; limit?: number }): Promise<DeploymentRequestDto[]> {
    const rows = await new DeploymentRequestRepository(this.dataSource.manager).findRecent({ ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    return rows.map(toDeploymentRequestDto);
  }
}

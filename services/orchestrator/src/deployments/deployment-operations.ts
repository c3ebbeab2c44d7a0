import {
  type ApiRole,
  type DeploymentDetailDto,
  type DeploymentRequestedV1,
  type DeploymentStatus,
  type DeploymentSummaryDto,
  type EnvironmentPolicyBody,
  type EnvironmentPolicyDto,
  type QueueDto,
  type RevisionDto,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';

/** Who calls: the API token's name and role (the CLI run by CI, an operator, an approver). */
export interface Actor {
  name: string;
  role: ApiRole;
}

export interface DeploymentListFilter {
  stack?: string;
  environment?: string;
  status?: DeploymentStatus;
  limit?: number;
}

/**
 * What the HTTP API (and the NATS queries) may do with deployments: the deployment-coordinator's public face.
 * Every method throws DomainError (NotFound, ValidationFailed, Conflict…) with a message that says what is wrong.
 * Implemented by the saga's DeploymentOperationsService; the controllers depend on this class as their DI token.
 */
export abstract class DeploymentOperations {
  abstract submit(request: DeploymentRequestedV1, actor: Actor): Promise<SubmitDeploymentResponse>;
  abstract list(filter: DeploymentListFilter): Promise<DeploymentSummaryDto[]>;
  abstract get(id: string): Promise<DeploymentDetailDto>;
  abstract getByRequestKey(requestKey: string): Promise<DeploymentDetailDto>;
  abstract approve(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto>;
  abstract reject(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto>;
  abstract cancel(id: string, actor: Actor, reason?: string): Promise<DeploymentDetailDto>;
  abstract retry(id: string, actor: Actor): Promise<DeploymentDetailDto>;
  abstract rollback(id: string, actor: Actor, options: { toRevision?: number; reason?: string }): Promise<DeploymentSummaryDto>;
  abstract queue(filter: { stack?: string; environment?: string }): Promise<QueueDto[]>;
  abstract revisions(stack: string, environment: string): Promise<RevisionDto[]>;
  abstract getPolicy(environment: string): Promise<EnvironmentPolicyDto>;
  abstract putPolicy(environment: string, body: Partial<EnvironmentPolicyBody>, actor: Actor): Promise<EnvironmentPolicyDto>;
}

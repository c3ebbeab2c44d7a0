import { Body, Param, Query } from '@nestjs/common';
import {
  DeploymentRequestedV1,
  DomainError,
  ErrorCode,
  formatFieldErrors,
  validatePayload,
  type DeploymentDetailDto,
  type DeploymentSummaryDto,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';
import { DeploymentOperations, type Actor } from '../deployments/deployment-operations';
import { ApiController } from './api-controller.decorator';
import {
  limitParam,
  objectBody,
  optionalNameParam,
  optionalPositiveInt,
  optionalText,
  requestKeyParam,
  statusParam,
  uuidParam,
} from './api-params';
import { ApiRoute } from './api-route.decorator';
import { API_ROUTES } from './api-routes';
import { CurrentActor } from './auth/current-actor.decorator';

export const DEFAULT_LIST_LIMIT = 50;

/** Deployments: request, read, and the operator/approver actions. Thin: validate, call DeploymentOperations, return its DTO. */
@ApiController()
export class DeploymentsController {
  constructor(private readonly operations: DeploymentOperations) {}

  @ApiRoute(API_ROUTES.submitDeployment)
  submit(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<SubmitDeploymentResponse> {
    const checked = validatePayload(DeploymentRequestedV1, body, 'body');
    if (!checked.ok) {
      throw new DomainError(ErrorCode.ValidationFailed, `invalid deployment request: ${formatFieldErrors(checked.errors)}`, { errors: checked.errors });
    }
    return this.operations.submit(checked.value, actor);
  }

  @ApiRoute(API_ROUTES.listDeployments)
  list(
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
  ): Promise<DeploymentSummaryDto[]> {
    return this.operations.list({
      stack: optionalNameParam(stack, 'stack'),
      environment: optionalNameParam(environment, 'environment'),
      status: statusParam(status),
      limit: limitParam(limit, DEFAULT_LIST_LIMIT),
    });
  }

  @ApiRoute(API_ROUTES.getDeploymentByRequestKey)
  byRequestKey(@Param('key') key: string): Promise<DeploymentDetailDto> {
    return this.operations.getByRequestKey(requestKeyParam(key));
  }

  @ApiRoute(API_ROUTES.getDeployment)
  get(@Param('id') id: string): Promise<DeploymentDetailDto> {
    return this.operations.get(uuidParam(id, 'id'));
  }

  @ApiRoute(API_ROUTES.approveDeployment)
  approve(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DeploymentDetailDto> {
    const deploymentId = uuidParam(id, 'id');
    const comment = optionalText(objectBody(body, ['comment'], true), 'comment');
    return this.operations.approve(deploymentId, actor, comment);
  }

  @ApiRoute(API_ROUTES.rejectDeployment)
  reject(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DeploymentDetailDto> {
    const deploymentId = uuidParam(id, 'id');
    const comment = optionalText(objectBody(body, ['comment'], true), 'comment');
    return this.operations.reject(deploymentId, actor, comment);
  }

  @ApiRoute(API_ROUTES.cancelDeployment)
  cancel(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DeploymentDetailDto> {
    const deploymentId = uuidParam(id, 'id');
    const reason = optionalText(objectBody(body, ['reason'], true), 'reason');
    return this.operations.cancel(deploymentId, actor, reason);
  }

  @ApiRoute(API_ROUTES.retryDeployment)
  retry(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DeploymentDetailDto> {
    const deploymentId = uuidParam(id, 'id');
    objectBody(body, [], true);
    return this.operations.retry(deploymentId, actor);
  }

  @ApiRoute(API_ROUTES.rollbackDeployment)
  rollback(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DeploymentSummaryDto> {
    const deploymentId = uuidParam(id, 'id');
    const record = objectBody(body, ['toRevision', 'reason'], true);
    const toRevision = optionalPositiveInt(record, 'toRevision');
    const reason = optionalText(record, 'reason');
    return this.operations.rollback(deploymentId, actor, { ...(toRevision === undefined ? {} : { toRevision }), ...(reason === undefined ? {} : { reason }) });
  }
}

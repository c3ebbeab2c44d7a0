import { Body, Param, Query } from '@nestjs/common';
import { type EnvironmentPolicyDto, type QueueDto, type RevisionDto } from '@cloudwright/contracts';
import { DeploymentOperations, type Actor } from '../deployments/deployment-operations';
import { ApiController } from './api-controller.decorator';
import { nameParam, optionalNameParam, policyPatchBody } from './api-params';
import { ApiRoute } from './api-route.decorator';
import { API_ROUTES } from './api-routes';
import { CurrentActor } from './auth/current-actor.decorator';

/** Per stack/environment: the lock queue, the revisions and the deployment policy. */
@ApiController()
export class EnvironmentsController {
  constructor(private readonly operations: DeploymentOperations) {}

  @ApiRoute(API_ROUTES.getQueue)
  queue(@Query('stack') stack?: string, @Query('environment') environment?: string): Promise<QueueDto[]> {
    return this.operations.queue({ stack: optionalNameParam(stack, 'stack'), environment: optionalNameParam(environment, 'environment') });
  }

  @ApiRoute(API_ROUTES.listRevisions)
  revisions(@Param('stack') stack: string, @Param('environment') environment: string): Promise<RevisionDto[]> {
    return this.operations.revisions(nameParam(stack, 'stack'), nameParam(environment, 'environment'));
  }

  @ApiRoute(API_ROUTES.getPolicy)
  getPolicy(@Param('environment') environment: string): Promise<EnvironmentPolicyDto> {
    return this.operations.getPolicy(nameParam(environment, 'environment'));
  }

  @ApiRoute(API_ROUTES.putPolicy)
  putPolicy(@Param('environment') environment: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<EnvironmentPolicyDto> {
    return this.operations.putPolicy(nameParam(environment, 'environment'), policyPatchBody(body), actor);
  }
}

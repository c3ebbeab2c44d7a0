import 'reflect-metadata';
import { EventContract } from '../envelope/event-contract';
import { DeploymentStepEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'step-started',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A provisioning step (or a compensation) was dispatched to the cloud provider. Its compensation was recorded before.',
})
export class DeploymentStepStartedV1 extends DeploymentStepEventBaseV1 {}

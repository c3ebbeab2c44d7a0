import { createHash } from 'node:crypto';
import { DeploymentRequestedV1, type CloudEvent } from '@cloudwright/contracts';
import { aCloudEventOf, aDeploymentRequest, aDeploymentRequestWithPlanRef } from '@cloudwright/contracts/testing';
import { toNewDeploymentRequest } from './deployment.mapper';

describe(toNewDeploymentRequest.name, () => {
  it('records an inline plan by its hash, size and number of resource changes', () => {
    const data = aDeploymentRequest();
    const event: CloudEvent<DeploymentRequestedV1> = aCloudEventOf(DeploymentRequestedV1, data);
    const text = JSON.stringify(data.plan.inline);
    const row = toNewDeploymentRequest(event);
    expect(row).toMatchObject({
      id: event.id,
      requestKey: data.requestKey,
      planSource: 'inline',
      planSha256: createHash('sha256').update(text).digest('hex'),
      planBytes: Buffer.byteLength(text),
      correlationId: event.correlationid,
      status: 'accepted',
    });
    expect(row.resourceChanges).toBe((data.plan.inline!.resource_changes as unknown[]).length);
  });

  it('records a referenced plan by its URI and declared hash', () => {
    const data = aDeploymentRequestWithPlanRef();
    const row = toNewDeploymentRequest(aCloudEventOf(DeploymentRequestedV1, data));
    expect(row).toMatchObject({ planSource: data.plan.ref!.uri, planSha256: data.plan.ref!.sha256, planBytes: data.plan.ref!.sizeBytes, resourceChanges: null });
  });
});

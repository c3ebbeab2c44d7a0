import { DeploymentRequestedV1 } from './deployment/deployment-requested.v1';

/**
 * Every published event version, keyed by `<domain>.<entity>.<verb>.v<N>`. Importing this module loads (and so
 * registers) every contract; the JSON Schemas and the AsyncAPI document are generated from it.
 */
export const EVENT_MAP = {
  'deployment.requested.v1': DeploymentRequestedV1,
} as const;

export type EventMap = { [K in keyof typeof EVENT_MAP]: InstanceType<(typeof EVENT_MAP)[K]> };
export type EventName = keyof EventMap;

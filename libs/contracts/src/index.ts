export * from './envelope/cloud-event';
export * from './envelope/event-contract';
export * from './envelope/validation';
export * from './envelope/upcasters';
export * from './errors/error-codes';
export * from './topology';
export * from './deployment/deployment-requested.v1';
export * from './event-map';

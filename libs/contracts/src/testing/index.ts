/**
 * Test doubles shipped by the contracts: factories of valid events and payloads, for this library's tests and for
 * every service that consumes or publishes these events. Not part of the runtime entry (`../index.ts`).
 */
export * from './cloud-event.factory';
export * from './deployment-requested.factory';
export * from './cost.factory';
export * from './compliance.factory';

export * from './money';
export * from './catalog/catalog';
export * from './engine/pricer';
export * from './engine/estimate';
export * from './engine/registry';
export { freeReason } from './engine/free-types';
export * from './usage/usage-file';
export * from './analysis';
export * from './loaders';

export * from './cloud-provider';
export * from './provider-error';

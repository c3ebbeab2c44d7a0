// One jest run, two projects: fast unit tests (*.spec.ts) and integration tests (*.integration-spec.ts)
// that talk to a real nats-server with JetStream and a real PostgreSQL (found or started by the global setup).
// NestJS 12 ships ESM only: swc transforms it (and our TypeScript) to CommonJS for jest on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@cloudwright/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@cloudwright/contracts/testing$': '<rootDir>/libs/contracts/src/testing/index.ts',
  '^@cloudwright/messaging$': '<rootDir>/libs/messaging/src/index.ts',
  '^@cloudwright/devenv$': '<rootDir>/libs/devenv/src/index.ts',
  '^@cloudwright/terraform-plan$': '<rootDir>/libs/terraform-plan/src/index.ts',
  '^@cloudwright/pricing$': '<rootDir>/libs/pricing/src/index.ts',
  '^@cloudwright/focus$': '<rootDir>/libs/focus/src/index.ts',
  '^@cloudwright/compliance$': '<rootDir>/libs/compliance/src/index.ts',
  '^@cloudwright/cloud-provider$': '<rootDir>/libs/cloud-provider/src/index.ts',
  '^@cloudwright/cloud-scoring$': '<rootDir>/libs/cloud-scoring/src/index.ts',
  '^@cloudwright/cloud-sim$': '<rootDir>/tools/cloud-sim/src/index.ts',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};
module.exports = {
  // integration tests wait for real servers; unit tests finish far below this
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/libs/devenv/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/devenv/src/jest/global-teardown.ts',
    },
  ],
};

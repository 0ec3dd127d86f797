// Two projects: "unit" (pure core, GitHub side with recorded payloads) and
// "cluster" (against the real kube-apiserver that test/cluster starts once per
// run in the global setup). ESM throughout; @swc/jest strips types, tsc checks them.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    },
  ],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/no-network.ts'],
    },
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/cluster-global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/cluster-global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/test/setup/cluster-env.ts'],
    },
  ],
};

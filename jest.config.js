/** Unit and API tests: everything that needs no browser. Browser tests: jest.e2e.config.js. */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  // kdbush ships only as an ES module.
  transformIgnorePatterns: ['/node_modules/(?!kdbush/)'],
};

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/{unit,api,contract,functions,lint,crash,fuzz}/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/no-network.ts'],
  testTimeout: 30000,
};
Object.defineProperty(module.exports, 'base', { value: base, enumerable: false });

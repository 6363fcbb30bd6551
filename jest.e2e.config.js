/** Browser tests: the H5 build in Debian's Chromium (see test/e2e). */
const { base } = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  testTimeout: 60000,
};

/**
 * The layers, checked in `npm test` (npm run lint): src → types ← core ← store ← areas ← functions / local.
 * Areas meet only through each other's index.ts; nothing imports in a cycle.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'types-stand-alone',
      severity: 'error',
      comment: 'types/ is the contract: it imports nothing else of ours.',
      from: { path: '^types/' },
      to: { path: '^(cloudfunctions|src|scripts|test)/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ is pure domain: no store, router, areas or entries.',
      from: { path: '^cloudfunctions/core/' },
      to: { path: '^(cloudfunctions/(store|router|areas|functions|local)|src|scripts)/' },
    },
    {
      name: 'store-below-areas',
      severity: 'error',
      comment: 'The store knows nothing of routers, areas or entries.',
      from: { path: '^cloudfunctions/store/' },
      to: { path: '^(cloudfunctions/(router|areas|functions|local)|src|scripts)/' },
    },
    {
      name: 'router-below-areas',
      severity: 'error',
      comment: 'The router machinery serves every area and imports none.',
      from: { path: '^cloudfunctions/router/' },
      to: { path: '^(cloudfunctions/(areas|functions|local|store/(sqlite|cloudbase))|src|scripts)/' },
    },
    {
      name: 'areas-through-index',
      severity: 'error',
      comment: "An area may import another area only through that area's index.ts.",
      from: { path: '^cloudfunctions/areas/([^/]+)/' },
      to: {
        path: '^cloudfunctions/areas/[^/]+/',
        pathNot: ['^cloudfunctions/areas/$1/', '^cloudfunctions/areas/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'areas-on-the-port',
      severity: 'error',
      comment: 'Areas use the store port, never an adapter, and never an entry.',
      from: { path: '^cloudfunctions/areas/' },
      to: { path: '^(cloudfunctions/(functions|local|store/(sqlite|cloudbase))|src|scripts)/' },
    },
    {
      name: 'cloud-functions-carry-no-local-code',
      severity: 'error',
      comment: 'A cloud function bundles its own area and the CloudBase adapter, never SQLite or the local server.',
      from: { path: '^cloudfunctions/functions/' },
      to: { path: '^cloudfunctions/(local|store/sqlite)/' },
    },
    {
      name: 'app-uses-the-contract-only',
      severity: 'error',
      comment: 'The app reaches the functions through the action map in types/, never by importing them.',
      from: { path: '^src/' },
      to: { path: '^(cloudfunctions|scripts|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};

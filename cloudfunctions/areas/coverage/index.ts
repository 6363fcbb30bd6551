/** The coverage area's public face: the read model and how it follows other areas' changes. */
export {
  basicName,
  indexFigure,
  loadCoverage,
  missingOf,
  refreshAround,
  refreshCommunityCoverage,
  refreshCoverage,
} from './model';
export { populationFigure } from './population';
export { coverageSubscriptions } from './subscriptions';
export { coverageIsCurrent, markOutletsChanging } from './version';
export { communityGaps } from './gaps';
export {
  deferFullRefreshes,
  requestFullRefresh,
  runDueRefresh,
  setFullRefreshRunner,
  type FullRefreshRunner,
} from './refresh';
export { SUMMARY_KEY, type CoverageSummary } from './summary';

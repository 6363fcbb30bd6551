/** The outlets area's public face: the review state machine's writes, the resident's view, demo data, the census. */
export { decideChanges, needsReview, record, transition } from './review-flow';
export { outletDetail, outletView, ratingsOf } from './view';
export { nearbyWhere, NEARBY_PAGE } from './nearby';
export { demoOutlets, demoOutletStream, writeDemoOutlets, type DemoPlan } from './demo';
export { censusCsv } from './census/file';
export { censusContext, importCensus, type ImportReport } from './census/import';
export {
  CENSUS_COLUMNS,
  censusOutletId,
  REQUIRED_COLUMNS,
  validateCensusRow,
  type CensusContext,
  type CensusRecord,
} from './census/validate';

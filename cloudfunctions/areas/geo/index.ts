/** The geo area's public face: the district outline, reference data and its seeding. */
export { XICHENG, XICHENG_OUTLINE } from './district';
export { parseReference, type Reference, type ReferenceCsv } from './reference';
export { createMissing, seedReference } from './seed';
export { importLocations, recountStreets, type ImportBy } from './import-locations';
export { importPopulation } from './import-population';

/** The supervision area's public face: the evaluation gate for 已建成, the daily index job, designations. */
export { builtRecordFor, evaluateCircle } from './evaluation';
export { takeSnapshot } from './snapshot';
export { listDesignations } from './designations';

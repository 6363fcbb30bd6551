/** The circles area's public face: accepting a proposal (first-run seeding), the planner, and the plan import. */
export { acceptProposal, proposeCircles } from './propose';
export { importPlan, officialCircleId } from './import-plan';
export { proposeFromFifteen } from './split';
export { misplacedAmong, type Misplacement } from './reach-check';

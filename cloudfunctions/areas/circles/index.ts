/** The circles area's public face: accepting a proposal (first-run seeding) and the planner's proposal. */
export { acceptProposal, proposeCircles } from './propose';

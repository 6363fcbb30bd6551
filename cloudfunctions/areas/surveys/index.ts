/** The surveys area's public face: where a person lives, as surveys target it. */
export { homeOf } from './repo';
export { inviteOpenSurveys } from './invite';
export { seedDemoSurvey } from './demo';

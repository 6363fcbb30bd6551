/** The subsidies area's public face: which outlets are supported, and the assessment job. */
export { supportingSubsidies, supportedOutlets } from './supported';
export { assessmentPeriod, runAssessments, scheduledAssessments } from './assess';
export { streetOfUser, listStreet, seesStreet } from './access';

/** The ratings area's public face: how a rating is keyed. */
export { ratingId } from './submit';

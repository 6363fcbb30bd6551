/** The app's time display: Beijing time through the one time module shared with the functions. */
export { beijingDateTime, beijingRange, beijingTime, fromBeijing } from '../../types/time';

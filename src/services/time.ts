/** The app's time display and arithmetic: Beijing time through the one time module shared with the functions. */
export * from '../../types/time';

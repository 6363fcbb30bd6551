/** The events area's public face: events that count as pop-up coverage. */
export { activeEvents } from './repo';
export { remindUpcoming } from './notices';
export { seedDemoEvents } from './demo';

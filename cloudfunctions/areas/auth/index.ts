/** The auth area's public face: demo accounts for dev sign-in (local server and tests only). */
export { demoAccounts, demoOpenid, seedDemoAccounts } from './demo-accounts';

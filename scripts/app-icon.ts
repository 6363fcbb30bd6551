/**
 * Writes the app's icons from the product mark drawn in code (cloudfunctions/local/favicon.ts — our own drawing, no
 * outside artwork): `src/assets/app-icon.png` (144 × 144, for the WeChat console's 小程序头像 and sharing) and
 * `src/assets/favicon.ico` (copied into the browser build). Run: `npx tsx scripts/app-icon.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { faviconIco, iconPng } from '../cloudfunctions/local/favicon';

const assets = path.resolve(__dirname, '../src/assets');
fs.writeFileSync(path.join(assets, 'app-icon.png'), iconPng(144));
fs.writeFileSync(path.join(assets, 'favicon.ico'), faviconIco());
console.log('wrote src/assets/app-icon.png and src/assets/favicon.ico');

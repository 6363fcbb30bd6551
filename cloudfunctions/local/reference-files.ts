import fs from 'node:fs';
import path from 'node:path';
import { parseReference, type Reference } from '../areas/geo';

export const DATA_FOLDER = path.resolve(__dirname, '../../data/xicheng');

/** Reads the reference CSVs shipped in data/xicheng. */
export function readReference(folder = DATA_FOLDER): Reference {
  const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');
  return parseReference({
    streets: read('streets.csv'),
    communities: read('communities.csv'),
    points: read('points_gcj02.csv'),
  });
}

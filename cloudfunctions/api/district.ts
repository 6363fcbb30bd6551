import outlineJson from '../../data/xicheng/district_outline_gcj02.json';
import { region, type Outline } from '../core/geo';

/** Xicheng District's real outline (GCJ-02), prepared once for point-in-polygon tests. */
export const XICHENG = region(outlineJson as Outline);

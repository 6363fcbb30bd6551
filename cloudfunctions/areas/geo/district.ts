import outlineJson from '../../../data/xicheng/district_outline_gcj02.json';
import type { DistrictOutline } from '../../../types';
import { region, type Outline } from '../../core/geo';

/** The outline as it is sent to the app. */
export const XICHENG_OUTLINE = outlineJson as DistrictOutline;

/** Xicheng District's real outline (GCJ-02), prepared once for point-in-polygon tests. */
export const XICHENG = region(XICHENG_OUTLINE as Outline);

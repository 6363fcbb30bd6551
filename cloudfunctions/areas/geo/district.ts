import outlineJson from '../../../data/xicheng/district_outline_gcj02.json';
import officesJson from '../../../data/xicheng/street_offices_gcj02.json';
import type { DistrictOutline } from '../../../types';
import { region, type Outline } from '../../core/geo';

/** The outline as it is sent to the app. */
export const XICHENG_OUTLINE = outlineJson as DistrictOutline;

/** Xicheng District's real outline (GCJ-02), prepared once for point-in-polygon tests. */
export const XICHENG = region(XICHENG_OUTLINE as Outline);

/** Where the street offices are (GCJ-02): the labels of the app's drawn map (12 of the 15 streets have a point). */
export const STREET_OFFICES = officesJson as { code: string; name: string; lng: number; lat: number }[];

import { Map as WxMap, View } from '@tarojs/components';
import type { CommunityGap, SitingSuggestion } from '@/types';
import { useAction } from '@/hooks/useAction';
import { MARKER_ICON } from '@/services/native-map';
import { PALETTE } from '@/styles/palette';

interface Props {
  gaps: CommunityGap[];
  category: string | null;
  picks: SitingSuggestion[];
}

/**
 * Communities lacking the chosen category (red), the others (grey) and the suggested sites (blue, numbered). In
 * WeChat the native map; in the browser the district outline and points drawn by the app.
 */
export default function SitingMap({ gaps, category, picks }: Props) {
  const outline = useAction('geo.outline', {});
  const lacking = (g: CommunityGap) => category !== null && g.missing.includes(category);
  if (gaps.length === 0) return null;
  const lngs = gaps.map((g) => g.location.coordinates[0]);
  const lats = gaps.map((g) => g.location.coordinates[1]);
  const centre: [number, number] = [
    (Math.min(...lngs) + Math.max(...lngs)) / 2,
    (Math.min(...lats) + Math.max(...lats)) / 2,
  ];
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <WxMap
        className='siting-map'
        longitude={centre[0]}
        latitude={centre[1]}
        scale={14}
        onError={() => undefined}
        markers={[
          ...gaps.map((g, i) => ({
            id: i,
            longitude: g.location.coordinates[0],
            latitude: g.location.coordinates[1],
            title: g.communityName,
            iconPath: MARKER_ICON,
            width: lacking(g) ? 22 : 14,
            height: lacking(g) ? 22 : 14,
          })),
          ...picks.map((p, i) => ({
            id: 1000 + i,
            longitude: p.point.coordinates[0],
            latitude: p.point.coordinates[1],
            title: `建议选址 ${i + 1}`,
            iconPath: MARKER_ICON,
            width: 30,
            height: 30,
            label: { content: String(i + 1), color: PALETTE.info, fontSize: 14, anchorX: 0, anchorY: 0 },
          })),
        ]}
      />
    );
  }
  const size = 600;
  const ring = outline.data?.coordinates[0] ?? [];
  // Frame the street's communities and the suggestions, with about 600 m around them; the outline runs beyond.
  const all = [...gaps.map((g) => g.location.coordinates), ...picks.map((p) => p.point.coordinates)];
  const pad = 0.006;
  const minLng = Math.min(...all.map((p) => p[0])) - pad;
  const maxLng = Math.max(...all.map((p) => p[0])) + pad;
  const minLat = Math.min(...all.map((p) => p[1])) - pad;
  const maxLat = Math.max(...all.map((p) => p[1])) + pad;
  const k = Math.cos((centre[1] * Math.PI) / 180);
  const scale = (size - 40) / Math.max((maxLng - minLng) * k, maxLat - minLat);
  const xy = ([lng, lat]: [number, number]) => [20 + (lng - minLng) * k * scale, size - 20 - (lat - minLat) * scale];
  return (
    <View className='siting-map svg-map'>
      <svg viewBox={`0 0 ${size} ${size}`} width='100%' height='100%' role='img' aria-label='缺项社区与建议选址'>
        <rect x='0' y='0' width={size} height={size} fill={PALETTE.mapGround} />
        {ring.length > 0 && (
          <polygon
            points={ring.map((p) => xy(p).join(',')).join(' ')}
            fill={PALETTE.surface}
            stroke={PALETTE.primary}
            strokeWidth='2'
          />
        )}
        {gaps.map((g) => {
          const [x, y] = xy(g.location.coordinates);
          return (
            <circle
              key={g.communityCode}
              className={lacking(g) ? 'gap-dot' : 'ok-dot'}
              cx={x}
              cy={y}
              r={lacking(g) ? 7 : 4}
              fill={lacking(g) ? PALETTE.error : PALETTE.closed}
            />
          );
        })}
        {picks.map((p, i) => {
          const [x, y] = xy(p.point.coordinates);
          return (
            <g key={i} className='site-pick'>
              <circle cx={x} cy={y} r='16' fill={PALETTE.info} stroke={PALETTE.surface} strokeWidth='3' />
              <text x={x} y={y + 6} textAnchor='middle' fontSize='18' fill={PALETTE.onPrimary}>
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </View>
  );
}

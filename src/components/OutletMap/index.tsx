import { Map as WxMap, Text, View } from '@tarojs/components';
import type { Community, OutletView } from '@/types';
import { useAction } from '@/hooks/useAction';
import { useElder } from '@/hooks/useElder';
import { nativeOutline, nativePin } from '@/services/native-map';
import { PALETTE } from '@/styles/palette';
import './index.scss';

interface Props {
  center: [number, number];
  /** Outlets around the centre (the nearby map), each opened on a tap. */
  views?: OutletView[];
  onOpen?: (id: string) => void;
  /** One place shown on its own, pinned at the centre (an outlet under review). */
  place?: { name: string };
  /** A street whose community names are drawn (the browser map); otherwise none. */
  streetCode?: string;
}

/**
 * The map view. In WeChat the native map (GCJ-02, as the data) with markers and the district outline; in the
 * browser the outline, community and street names, the markers, a legend and a scale bar drawn by the app itself,
 * around the centre.
 */
export default function OutletMap({ center, views = [], onOpen = () => undefined, place, streetCode }: Props) {
  const outline = useAction('geo.outline', {});
  const communities = useAction(
    'geo.communities',
    process.env.TARO_ENV === 'weapp' || !streetCode ? null : { streetCode },
  );
  if (process.env.TARO_ENV === 'weapp') {
    const ring = outline.data?.coordinates[0] ?? [];
    return (
      <WxMap
        className='outlet-map'
        longitude={center[0]}
        latitude={center[1]}
        scale={16}
        showLocation
        markers={[
          ...views.map((v) => ({ name: v.outlet.name, at: v.outlet.location.coordinates })),
          ...(place ? [{ name: place.name, at: center }] : []),
        ].map((m, i) => nativePin(i, m.at, m.name))}
        polygons={nativeOutline(ring)}
        onError={() => undefined}
        onMarkerTap={(e) => {
          const v = views[Number(e.detail.markerId)];
          if (v) onOpen(v.outlet.id);
        }}
      />
    );
  }
  return (
    <SvgMap
      center={center}
      views={views}
      place={place}
      outline={outline.data?.coordinates[0] ?? []}
      communities={communities.data?.items ?? []}
      onOpen={onOpen}
    />
  );
}

/** In map units (600 across a phone's ~340 px): 40 units is about 45 CSS px across, 56 about 63 (长辈版). */
const HIT_RADIUS = { standard: 40, elder: 56 };

/** The scale bar's length in metres and its label. */
const SCALE_M = 200;

interface SvgProps {
  center: [number, number];
  views: OutletView[];
  place?: { name: string };
  onOpen: (id: string) => void;
  outline: [number, number][];
  communities: Community[];
}

/** Equirectangular projection around the centre: fine at a few kilometres. */
function SvgMap({ center, views, place, outline, communities, onOpen }: SvgProps) {
  const { elder } = useElder();
  const label = elder ? 40 : 30; // map units: at least 14 / 18 CSS px on a map 280 px wide
  const hit = elder ? HIT_RADIUS.elder : HIT_RADIUS.standard;
  const size = 600;
  const spanM = 1600;
  const k = Math.cos((center[1] * Math.PI) / 180);
  const toXY = ([lng, lat]: [number, number]) => [
    size / 2 + (((lng - center[0]) * 111_320 * k) / spanM) * size,
    size / 2 - (((lat - center[1]) * 110_540) / spanM) * size,
  ];
  const ring = outline.map((p) => toXY(p).join(',')).join(' ');
  const inView = ([x, y]: number[]) => x > 20 && x < size - 20 && y > 30 && y < size - 60;
  const named = communities.flatMap((c) => {
    const xy = c.location ? toXY(c.location.coordinates) : null;
    return xy && inView(xy) ? [{ c, xy }] : [];
  });
  // Each street's name where its communities in view gather.
  const streets = new Map<string, { name: string; xs: number[]; ys: number[] }>();
  for (const { c, xy } of named) {
    const st = streets.get(c.streetCode) ?? { name: c.streetName, xs: [], ys: [] };
    st.xs.push(xy[0]);
    st.ys.push(xy[1]);
    streets.set(c.streetCode, st);
  }
  const scaleLen = (SCALE_M / spanM) * size;
  const halo = { stroke: PALETTE.surface, strokeWidth: 6, paintOrder: 'stroke' } as const;
  return (
    <View className='outlet-map-wrap'>
      <View className='outlet-map svg-map'>
        <svg
          viewBox={`0 0 ${size} ${size}`}
          width='100%'
          height='100%'
          role='group'
          aria-label={place ? `${place.name}的位置地图` : '附近网点地图'}
        >
          <rect x='0' y='0' width={size} height={size} fill={PALETTE.mapGround} />
          {ring && (
            <polygon
              points={ring}
              fill={PALETTE.surface}
              stroke={PALETTE.primary}
              strokeWidth='3'
              strokeDasharray='8 6'
            />
          )}
          <circle
            cx={size / 2}
            cy={size / 2}
            r={(667 / spanM) * size}
            fill={`${PALETTE.primary}14`}
            stroke={`${PALETTE.primary}55`}
          />
          {named.map(({ c, xy }) => (
            <g key={c.code} aria-hidden='true'>
              <circle cx={xy[0]} cy={xy[1]} r='4' fill={PALETTE.textSecondary} />
              <text x={xy[0] + 8} y={xy[1] - 6} fontSize={label} fill={PALETTE.textSecondary} {...halo}>
                {c.name}
              </text>
            </g>
          ))}
          {[...streets.values()].map((st) => (
            <text
              key={st.name}
              x={st.xs.reduce((a, b) => a + b, 0) / st.xs.length}
              y={Math.max(label + 10, Math.min(...st.ys) - 40)}
              fontSize={label + 6}
              fontWeight='700'
              textAnchor='middle'
              fill={PALETTE.info}
              aria-hidden='true'
              {...halo}
            >
              {st.name}
            </text>
          ))}
          {views.map((v) => {
            const [x, y] = toXY(v.outlet.location.coordinates);
            return (
              <g
                key={v.outlet.id}
                className='map-marker'
                role='button'
                tabIndex={0}
                aria-label={`${v.outlet.name}，${v.openNow ? '营业中' : '休息中'}`}
                onClick={() => onOpen(v.outlet.id)}
              >
                {/* A transparent hit area of at least 44 CSS px around the dot; open ones are filled, closed hollow. */}
                <circle cx={x} cy={y} r={hit} fill='transparent' />
                <circle
                  cx={x}
                  cy={y}
                  r='10'
                  fill={v.openNow ? PALETTE.ok : PALETTE.surface}
                  stroke={v.openNow ? PALETTE.surface : PALETTE.closed}
                  strokeWidth='4'
                />
                <title>{v.outlet.name}</title>
              </g>
            );
          })}
          {place ? (
            <g className='map-place'>
              <path
                d={`M ${size / 2} ${size / 2} l -16 -30 a 18 18 0 1 1 32 0 z`}
                fill={PALETTE.primary}
                stroke={PALETTE.surface}
                strokeWidth='3'
              />
              <circle cx={size / 2} cy={size / 2 - 38} r='7' fill={PALETTE.surface} />
              <title>{place.name}</title>
            </g>
          ) : (
            <circle cx={size / 2} cy={size / 2} r='8' fill={PALETTE.info} stroke={PALETTE.surface} strokeWidth='3' />
          )}
          <g className='map-scale' aria-hidden='true'>
            <path
              d={`M 20 ${size - 30} v 10 h ${scaleLen} v -10`}
              fill='none'
              stroke={PALETTE.textSecondary}
              strokeWidth='4'
            />
            <text x={28 + scaleLen} y={size - 18} fontSize={label} fill={PALETTE.textSecondary} {...halo}>
              {SCALE_M} 米
            </text>
          </g>
        </svg>
      </View>
      <View className='map-legend' aria-label='图例'>
        {place ? (
          <Text className='legend-item'>📍 {place.name}</Text>
        ) : (
          <>
            <Text className='legend-item'>
              <Text className='legend-dot open' />
              营业中
            </Text>
            <Text className='legend-item'>
              <Text className='legend-dot closed' />
              休息中
            </Text>
            <Text className='legend-item'>
              <Text className='legend-dot here' />
              查找位置
            </Text>
          </>
        )}
        <Text className='legend-item'>
          <Text className='legend-area' />
          十分钟步行范围
        </Text>
        <Text className='legend-item'>
          <Text className='legend-line' />
          西城区界
        </Text>
      </View>
    </View>
  );
}

import { Map as WxMap, View } from '@tarojs/components';
import type { OutletView } from '@/types';
import { useAction } from '@/hooks/useAction';
import { useElder } from '@/hooks/useElder';
import { PALETTE } from '@/styles/palette';
import './index.scss';

interface Props {
  center: [number, number];
  views: OutletView[];
  onOpen: (id: string) => void;
}

/**
 * The map view. In WeChat the native map (GCJ-02, as the data) with markers and the district outline; in the
 * browser the outline and the markers drawn by the app itself, around the search point.
 */
export default function OutletMap({ center, views, onOpen }: Props) {
  const outline = useAction('geo.outline', {});
  if (process.env.TARO_ENV === 'weapp') {
    const ring = outline.data?.coordinates[0] ?? [];
    return (
      <WxMap
        className='outlet-map'
        longitude={center[0]}
        latitude={center[1]}
        scale={16}
        showLocation
        markers={views.map((v, i) => ({
          id: i,
          longitude: v.outlet.location.coordinates[0],
          latitude: v.outlet.location.coordinates[1],
          title: v.outlet.name,
          width: 24,
          height: 32,
          // Copied as a file into the WeChat build (config/index.ts): the map needs a path, not inline data.
          iconPath: '/assets/marker.png',
        }))}
        polygons={
          ring.length
            ? [
                {
                  points: ring.map(([longitude, latitude]) => ({ longitude, latitude })),
                  strokeWidth: 2,
                  strokeColor: PALETTE.primary,
                  fillColor: `${PALETTE.primary}10`,
                  zIndex: 1,
                },
              ]
            : []
        }
        onError={() => undefined}
        onMarkerTap={(e) => {
          const v = views[Number(e.detail.markerId)];
          if (v) onOpen(v.outlet.id);
        }}
      />
    );
  }
  return <SvgMap center={center} views={views} outline={outline.data?.coordinates[0] ?? []} onOpen={onOpen} />;
}

/** In map units (600 across a phone's ~340 px): 40 units is about 45 CSS px across, 56 about 63 (长辈版). */
const HIT_RADIUS = { standard: 40, elder: 56 };

/** Equirectangular projection around the centre: fine at a few kilometres. */
function SvgMap({ center, views, outline, onOpen }: Props & { outline: [number, number][] }) {
  const { elder } = useElder();
  const hit = elder ? HIT_RADIUS.elder : HIT_RADIUS.standard;
  const size = 600;
  const spanM = 1600;
  const k = Math.cos((center[1] * Math.PI) / 180);
  const toXY = ([lng, lat]: [number, number]) => [
    size / 2 + (((lng - center[0]) * 111_320 * k) / spanM) * size,
    size / 2 - (((lat - center[1]) * 110_540) / spanM) * size,
  ];
  const ring = outline.map((p) => toXY(p).join(',')).join(' ');
  return (
    <View className='outlet-map svg-map'>
      <svg viewBox={`0 0 ${size} ${size}`} width='100%' height='100%' role='group' aria-label='附近网点地图'>
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
        <circle cx={size / 2} cy={size / 2} r='8' fill={PALETTE.info} stroke={PALETTE.surface} strokeWidth='3' />
      </svg>
    </View>
  );
}

import { Button, Map as WxMap, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '@/hooks/useAction';
import { useElder } from '@/hooks/useElder';
import { useTask } from '@/hooks/useMutation';
import { insideRing, type LngLat } from '@/services/coords';
import { chooseLocationNative, currentLocation } from '@/services/device';
import { nativeOutline, nativePin } from '@/services/native-map';
import { PALETTE } from '@/styles/palette';
import { mapView, toLngLat, toXY, type MapView } from './projection';
import './index.scss';

interface Props {
  /** Names the CSS class (`map-picker-<name>`), for tests and styles. */
  name: string;
  label: string;
  value: LngLat | null;
  onChange: (p: LngLat) => void;
  /** A message about this field from a check (shown under the map). */
  error?: string;
  /** Where to open when nothing is chosen yet (e.g. the chosen street's office). */
  near?: LngLat | null;
}

const OUTSIDE = '所选位置不在西城区范围内，请在虚线轮廓内选择';
const SIZE = 600;

/**
 * Choose a place by tapping a map: never by typing coordinates. In the browser a drawn map of the district (its
 * outline and the streets' names); a tap places the point and zooms in to correct it. In WeChat the native map,
 * or WeChat's own place search. Points outside the district are refused with a message. Also offers the
 * device's position (converted to GCJ-02 in the browser).
 */
export default function MapPicker({ name, label, value, onChange, error, near }: Props) {
  const outline = useAction('geo.outline', {});
  const offices = useAction('geo.streetOffices', {});
  const ring = outline.data?.coordinates[0] ?? [];
  const [zoomed, setZoomed] = useState<LngLat | null>(value);
  const [refused, setRefused] = useState<string | null>(null);

  function choose(p: LngLat) {
    if (ring.length && !insideRing(p, ring)) return setRefused(OUTSIDE);
    setRefused(null);
    setZoomed(p);
    onChange({ lng: Math.round(p.lng * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 });
  }
  const locate = useTask(currentLocation, {
    failure: '无法获取当前位置：请允许定位，或直接在地图上点选',
    onSuccess: choose,
  });
  const message = refused ?? locate.error ?? error;

  const picked = value ? '已选定位置（地图上的红点），可再次点按地图修正' : '尚未选择位置：请在地图上点按网点所在处';
  const controls = (
    <View className='map-picker-actions'>
      <Button className='btn-secondary use-location' loading={locate.busy} onClick={() => locate.run(undefined)}>
        使用当前位置
      </Button>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className='btn-secondary search-place'
          onClick={() => void chooseLocationNative(value ?? near ?? null).then((p) => p && choose(p))}
        >
          搜索地点
        </Button>
      ) : (
        zoomed && (
          <Button className='btn-secondary whole-district' onClick={() => setZoomed(null)}>
            查看全区
          </Button>
        )
      )}
    </View>
  );

  return (
    <View className={`map-picker map-picker-${name}`}>
      <Text className='form-label block'>{label}</Text>
      <Text className={`muted block map-picker-state ${value ? 'is-set' : ''}`}>{picked}</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <WxMap
          className='map-picker-map'
          longitude={(value ?? near ?? CENTRE).lng}
          latitude={(value ?? near ?? CENTRE).lat}
          scale={value ? 17 : 13}
          markers={value ? [nativePin(0, [value.lng, value.lat])] : []}
          polygons={nativeOutline(ring)}
          onTap={(e) => {
            const d = (e as unknown as { detail: { longitude: number; latitude: number } }).detail;
            if (d && typeof d.longitude === 'number') choose({ lng: d.longitude, lat: d.latitude });
          }}
          onError={() => undefined}
        />
      ) : (
        ring.length > 0 && (
          <DrawnMap
            view={mapView(ring, zoomed)}
            ring={ring}
            offices={offices.data ?? []}
            value={value}
            label={label}
            onTap={choose}
          />
        )
      )}
      {controls}
      {message && <Text className='form-error block'>{message}</Text>}
    </View>
  );
}

/** The middle of Xicheng, where WeChat's map opens before anything is chosen. */
const CENTRE: LngLat = { lng: 116.366, lat: 39.912 };

interface DrawnProps {
  view: MapView;
  ring: [number, number][];
  offices: { code: string; name: string; lng: number; lat: number }[];
  value: LngLat | null;
  label: string;
  onTap: (p: LngLat) => void;
}

/** The browser's map: the outline, the streets' names at their offices, and the chosen point. */
function DrawnMap({ view, ring, offices, value, label, onTap }: DrawnProps) {
  const xy = (p: LngLat) => toXY(view, p, SIZE);
  const points = ring.map(([lng, lat]) => xy({ lng, lat }).join(',')).join(' ');
  const v = value ? xy(value) : null;
  const { elder } = useElder();
  // The map is about 330 px across for 600 units: 28 units draw about 15 px, 36 about 20 px (长辈版).
  const fontSize = elder ? 36 : 28;
  return (
    <View className='map-picker-map drawn'>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width='100%'
        height='100%'
        role='group'
        aria-label={`${label}：西城区地图，点按选择位置`}
        data-view={`${view.centre.lng},${view.centre.lat},${view.metresPerUnit}`}
        onClick={(e) => {
          // Screen to map units through the drawing's own transform (exact whatever the box's proportions).
          const svg = e.currentTarget as SVGSVGElement;
          const m = svg.getScreenCTM();
          if (!m) return;
          const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
          onTap(toLngLat(view, p.x, p.y, SIZE));
        }}
      >
        <rect x='0' y='0' width={SIZE} height={SIZE} fill={PALETTE.mapGround} />
        <polygon
          points={points}
          fill={PALETTE.surface}
          stroke={PALETTE.primary}
          strokeWidth='3'
          strokeDasharray='8 6'
        />
        {offices.map((o) => {
          const [x, y] = xy(o);
          if (x < -50 || x > SIZE + 50 || y < -20 || y > SIZE + 20) return null;
          return (
            <g key={o.code} className='street-label' aria-hidden='true'>
              <circle cx={x} cy={y} r='4' fill={PALETTE.textSecondary} />
              <text x={x} y={y - 8} fontSize={fontSize} textAnchor='middle' fill={PALETTE.textSecondary}>
                {o.name.replace(/街道$/, '')}
              </text>
            </g>
          );
        })}
        {v && (
          <g className='picked-point'>
            <circle cx={v[0]} cy={v[1]} r='16' fill={`${PALETTE.primary}33`} />
            <circle cx={v[0]} cy={v[1]} r='8' fill={PALETTE.primary} stroke={PALETTE.surface} strokeWidth='3' />
          </g>
        )}
      </svg>
    </View>
  );
}

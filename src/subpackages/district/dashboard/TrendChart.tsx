import { Canvas as TaroCanvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Axis, Canvas, Chart, jsx as f2jsx, Legend, Line, type CanvasProps } from '@antv/f2';
import { useEffect, useRef } from 'react';
import type { Dashboard } from '@/types';
import { PALETTE } from '@/styles/palette';

const ID = 'trend-chart';
const HEIGHT = 220;
const SERIES: Record<number, string> = { 8: '8 分钟', 10: '10 分钟', 15: '15 分钟' };

type Ctx2D = CanvasRenderingContext2D;
/** F2's element factory, loosely typed: its generic component types do not fit its own `jsx` signature. */
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: CanvasProps };

/**
 * The chart's drawing surface: the canvas element in the browser, the 2d canvas node in WeChat. In the browser
 * Taro's canvas component creates its inner canvas only once it is attached, which may be after the first try:
 * look again for a while (answers a cancel function).
 */
function surface(onReady: (ctx: Ctx2D, width: number, ratio: number) => void): () => void {
  const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
  if (process.env.TARO_ENV === 'h5') {
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      const host = document.getElementById(ID);
      const el = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as HTMLCanvasElement | null;
      const width = el?.parentElement?.clientWidth;
      if (!el || !width) {
        if (++tries < 60) timer = setTimeout(attempt, 50);
        return;
      }
      el.width = width * ratio;
      el.height = HEIGHT * ratio;
      el.style.width = `${width}px`;
      el.style.height = `${HEIGHT}px`;
      const ctx = el.getContext('2d');
      if (ctx) onReady(ctx, width, ratio);
    };
    attempt();
    return () => clearTimeout(timer);
  }
  Taro.createSelectorQuery()
    .select(`#${ID}`)
    .fields({ node: true, size: true })
    .exec((res: { node: HTMLCanvasElement; width: number }[]) => {
      const node = res?.[0]?.node;
      if (!node) return;
      node.width = res[0].width * ratio;
      node.height = HEIGHT * ratio;
      const ctx = node.getContext('2d');
      if (ctx) onReady(ctx, res[0].width, ratio);
    });
  return () => undefined;
}

/**
 * The convenience index over time at 8 / 10 / 15 minutes (F2, which draws on a canvas in WeChat and in the
 * browser). The latest figures are also given in words, for screen readers.
 */
export default function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const chart = useRef<Canvas | null>(null);
  const data = trend
    .filter((t) => t.index !== null)
    .map((t) => ({ date: t.date, index: Math.round((t.index ?? 0) * 1000) / 10, series: SERIES[t.minutes] }));
  const key = JSON.stringify(data);
  useEffect(() => {
    if (!data.length) return undefined;
    let cancel: () => void = () => undefined;
    const timer = setTimeout(() => {
      cancel = surface((context, width, pixelRatio) => {
        chart.current?.destroy();
        const element = jsx(Canvas, {
          context,
          pixelRatio,
          width,
          height: HEIGHT,
          animate: false,
          children: jsx(Chart, {
            data,
            scale: { index: { min: 0, max: 100 }, date: { type: 'cat' } },
            children: [
              jsx(Axis, { field: 'date', tickCount: 4 }),
              jsx(Axis, { field: 'index', formatter: (v: number) => `${v}%` }),
              jsx(Line, {
                x: 'date',
                y: 'index',
                color: { field: 'series', range: [PALETTE.info, PALETTE.primary, PALETTE.ok] },
              }),
              jsx(Legend, { position: 'top' }),
            ],
          }),
        });
        const canvas = new Canvas(element.props);
        chart.current = canvas;
        void canvas.render();
      });
    });
    return () => {
      clearTimeout(timer);
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => () => chart.current?.destroy(), []);
  const latest = trend.length ? trend[trend.length - 1].date : null;
  const words = trend
    .filter((t) => t.date === latest)
    .map((t) => `${SERIES[t.minutes]} ${t.index === null ? '—' : `${Math.round(t.index * 100)}%`}`)
    .join('，');
  return (
    <View className='trend'>
      {data.length ? (
        <TaroCanvas type='2d' id={ID} canvasId={ID} className='trend-canvas' aria-hidden />
      ) : (
        <Text className='muted block'>尚无历史数据（每天记录一次）</Text>
      )}
      {latest && <Text className='muted block'>{`${latest}：${words}`}</Text>}
    </View>
  );
}

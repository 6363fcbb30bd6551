import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { encode } from 'uqr';
import { PALETTE } from '@/styles/palette';
import './index.scss';

/**
 * A QR code, `size` in design units (750 across the screen). In the browser an SVG sized through Taro's unit
 * conversion (a style of raw `rpx` means nothing to a browser, which drew it 0 px high); in WeChat plain views in
 * `rpx`, which the mini-program understands, so no canvas is needed.
 */
export default function QrCode({ text, size = 360 }: { text: string; size?: number }) {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const n = data.length;
  const label = { role: 'img', 'aria-label': `二维码：${text}` };
  if (process.env.TARO_ENV === 'h5') {
    const side = Taro.pxTransform(size);
    const cells = data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : [])));
    return (
      <View className='qr' style={{ width: side, height: side }} {...label}>
        <svg viewBox={`0 0 ${n} ${n}`} width='100%' height='100%' shapeRendering='crispEdges' aria-hidden='true'>
          <rect width={n} height={n} fill={PALETTE.surface} />
          <path d={cells.join('')} fill={PALETTE.qrDark} />
        </svg>
      </View>
    );
  }
  return (
    <View className='qr' style={{ width: `${size}rpx`, height: `${size}rpx` }} {...label}>
      {data.map((row, y) => (
        <View key={y} className='qr-row' style={{ height: `${size / n}rpx` }}>
          {row.map((dark, x) => (
            <View key={x} className={dark ? 'qr-dot on' : 'qr-dot'} style={{ width: `${size / n}rpx` }} />
          ))}
        </View>
      ))}
    </View>
  );
}

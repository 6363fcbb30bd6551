import { View } from '@tarojs/components';
import { encode } from 'uqr';
import './index.scss';

/** A QR code drawn with plain views (no canvas), so it renders the same in WeChat and in the browser. */
export default function QrCode({ text, size = 360 }: { text: string; size?: number }) {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const n = data.length;
  return (
    <View
      className='qr'
      style={{ width: `${size}rpx`, height: `${size}rpx` }}
      {...{ role: 'img', 'aria-label': `二维码：${text}` }}
    >
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

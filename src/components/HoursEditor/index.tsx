import { Text, View } from '@tarojs/components';
import type { TimeRange, WeeklyHours } from '@/types';
import TimeField from '@/components/TimeField';
import { pressable } from '@/services/a11y';
import { ALL_DAY, describeRanges, isAllDayRanges, sameRanges, WEEKDAYS } from './week';
import './index.scss';

interface Props {
  value: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  error?: string;
}

const NEW_RANGE: TimeRange = ['09:00', '18:00'];
/** The picker has no 24:00: an end at 00:00 means midnight, stored as 24:00. */
const endValue = (v: string) => (v === '00:00' ? '24:00' : v);

/**
 * Opening hours, day by day: each day 全天, 休息, the same as Monday (同工作日), or one or more ranges chosen with
 * time pickers; a range whose end is earlier than its start runs past midnight (shown as 次日). Makes the stored
 * week structure; nothing is typed.
 */
export default function HoursEditor({ value, onChange, error }: Props) {
  const setDay = (d: number, ranges: TimeRange[]) =>
    onChange({ ...value, week: value.week.map((r, i) => (i === d ? ranges : r)) });
  return (
    <View className='hours-editor'>
      <Text className='form-label block'>营业时间</Text>
      {value.week.map((ranges, d) => {
        const allDay = isAllDayRanges(ranges);
        return (
          <View key={d} className={`hours-day day-${d}`}>
            <View className='row'>
              <Text className='day-name'>{WEEKDAYS[d]}</Text>
              <Text className='muted day-summary'>{describeRanges(ranges)}</Text>
            </View>
            <View className='chips-wrap'>
              <Text
                className={`chip preset-all ${allDay ? 'chip-on' : ''}`}
                {...pressable(allDay, `${WEEKDAYS[d]}全天营业`)}
                onClick={() => setDay(d, [ALL_DAY])}
              >
                全天
              </Text>
              <Text
                className={`chip preset-closed ${ranges.length === 0 ? 'chip-on' : ''}`}
                {...pressable(ranges.length === 0, `${WEEKDAYS[d]}休息`)}
                onClick={() => setDay(d, [])}
              >
                休息
              </Text>
              {d > 0 && (
                <Text
                  className={`chip preset-same ${sameRanges(ranges, value.week[0]) ? 'chip-on' : ''}`}
                  {...pressable(sameRanges(ranges, value.week[0]), `${WEEKDAYS[d]}同工作日（同周一）`)}
                  onClick={() =>
                    setDay(
                      d,
                      value.week[0].map((r) => [...r] as TimeRange),
                    )
                  }
                >
                  同工作日
                </Text>
              )}
              <Text
                className='chip add-range'
                {...pressable(undefined, `${WEEKDAYS[d]}添加时间段`)}
                onClick={() => setDay(d, [...ranges.filter((r) => !isAllDayRanges([r])), NEW_RANGE])}
              >
                ＋时间段
              </Text>
            </View>
            {!allDay &&
              ranges.map(([s, e], i) => (
                <View key={i} className={`hours-range range-${i}`}>
                  <TimeField
                    name={`d${d}-r${i}-start`}
                    label={`${WEEKDAYS[d]}第 ${i + 1} 段开始`}
                    mode='time'
                    value={s}
                    onChange={(v) =>
                      setDay(
                        d,
                        ranges.map((r, j) => (j === i ? [v, r[1]] : r)),
                      )
                    }
                  />
                  <TimeField
                    name={`d${d}-r${i}-end`}
                    label={`${WEEKDAYS[d]}第 ${i + 1} 段结束${e !== '24:00' && e <= s ? '（次日）' : ''}`}
                    mode='time'
                    value={e === '24:00' ? '00:00' : e}
                    onChange={(v) =>
                      setDay(
                        d,
                        ranges.map((r, j) => (j === i ? [r[0], endValue(v)] : r)),
                      )
                    }
                  />
                  <Text
                    className='link remove-range'
                    {...pressable(undefined, `删除${WEEKDAYS[d]}第 ${i + 1} 段`)}
                    onClick={() =>
                      setDay(
                        d,
                        ranges.filter((_, j) => j !== i),
                      )
                    }
                  >
                    删除
                  </Text>
                </View>
              ))}
          </View>
        );
      })}
      {error && <Text className='form-error block'>{error}</Text>}
    </View>
  );
}

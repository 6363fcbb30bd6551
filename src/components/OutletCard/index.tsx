import { Text, View } from '@tarojs/components';
import { CATEGORY_BY_ID, type OutletView } from '@/types';
import DesignationBadge from '@/components/DesignationBadge';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

/** One outlet in a list: name, services, walking minutes and whether it is open now (Beijing time). */
export default function OutletCard({ view }: { view: OutletView }) {
  const { outlet, minutes, meters, openNow, todayHours } = view;
  return (
    <View className='card outlet-card' {...pressable()} onClick={() => go('outlet', { id: outlet.id })}>
      <View className='row'>
        <Text className='outlet-name'>{outlet.name}</Text>
        {outlet.demo && <Text className='badge badge-demo'>演示数据</Text>}
      </View>
      <DesignationBadge kind='outlet' targetId={outlet.id} />
      <DesignationBadge kind='business' targetId={outlet.id} />
      {outlet.accessible && <Text className='badge badge-info accessible'>♿ 无障碍</Text>}
      {view.score && (
        <Text className='outlet-score block'>
          评分 ★ {view.score.bayes.toFixed(1)}（{view.score.count} 条评价）
        </Text>
      )}
      <Text className='muted block'>{outlet.categories.map((c) => CATEGORY_BY_ID[c].name).join(' · ')}</Text>
      <View className='row outlet-meta'>
        {minutes !== null && (
          <Text className='outlet-walk'>
            步行约 {minutes} 分钟 · {meters} 米
          </Text>
        )}
        <Text className={`outlet-state ${openNow ? 'open' : 'closed'}`}>
          {openNow ? '● 营业中' : '○ 休息中'} · 今日 {todayHours}
        </Text>
      </View>
    </View>
  );
}

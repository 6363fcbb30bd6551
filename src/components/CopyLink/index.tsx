import { Button } from '@tarojs/components';
import type { RouteName } from '@/constants/routes';
import { useTask } from '@/hooks/useMutation';
import { copyText } from '@/services/device';
import { pageLink } from '@/services/navigation';
import './index.scss';

/** 复制链接: in the browser, where there is no WeChat share, copies the page's full address (with its id). */
export default function CopyLink({ name, params }: { name: RouteName; params: Record<string, string> }) {
  const copy = useTask(() => copyText(pageLink(name, params)), {
    success: '链接已复制，可以粘贴发给邻居',
    failure: '复制失败，请重试',
  });
  if (process.env.TARO_ENV !== 'h5') return null;
  return (
    <Button className='copy-link' onClick={() => void copy.run(undefined)} disabled={copy.busy || undefined}>
      复制链接
    </Button>
  );
}

import { Button, Text, View } from '@tarojs/components';
import { useMe } from '@/hooks/useMe';
import { SignInButton } from '@/components/StateView';
import { go } from '@/services/navigation';
import './index.scss';

/**
 * Whom a survey is for (西城区全区, a street, a circle or a community by name). Someone outside it — a survey shared
 * into a group reaches them — is told so plainly, and how to join it when they have not said where they live.
 */
export default function SurveyAudience({ audience, forMe }: { audience: string; forMe: boolean }) {
  const { user } = useMe();
  if (forMe)
    return (
      <View className='survey-audience'>
        <Text className='muted block'>面向{audience}的居民</Text>
      </View>
    );
  const noHome = !user?.homeCommunityCode;
  return (
    <View className='card survey-audience survey-audience-outside'>
      <Text className='survey-audience-title block'>这份问卷面向{audience}的居民</Text>
      <Text className='block'>
        {!user
          ? '请先登录并设置常住社区；您住在问卷范围内即可填写。'
          : noHome
            ? '您还没有设置常住社区：设置后，住在问卷范围内即可填写。'
            : '您的常住社区不在这份问卷的范围内，无需填写。感谢关注！'}
      </Text>
      {!user ? (
        <SignInButton />
      ) : (
        noHome && (
          <Button className='tool-link secondary survey-audience-home' onClick={() => go('mine')}>
            去“我的”设置常住社区
          </Button>
        )
      )}
    </View>
  );
}

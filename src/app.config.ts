import { ROUTES } from './constants/routes';

export default defineAppConfig({
  pages: [ROUTES.home, ROUTES.street, ROUTES.community, ROUTES.mine, ROUTES.nearby, ROUTES.outlet],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '西城便民生活圈',
    navigationBarTextStyle: 'white',
  },
  // Location APIs fail at run time unless declared here, with the reason shown to the person.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于设置社区位置和查找您附近的便民服务' },
  },
});

import { PALETTE } from './styles/palette';
import {
  DISTRICT_PAGES,
  DISTRICT_ROOT,
  MAIN_PAGES,
  MERCHANT_PAGES,
  MERCHANT_ROOT,
  ROUTES,
  WORKER_PAGES,
  WORKER_ROOT,
} from './constants/routes';

export default defineAppConfig({
  pages: MAIN_PAGES,
  lazyCodeLoading: 'requiredComponents',
  subPackages: [
    { root: WORKER_ROOT, pages: WORKER_PAGES },
    { root: MERCHANT_ROOT, pages: MERCHANT_PAGES },
    { root: DISTRICT_ROOT, pages: DISTRICT_PAGES },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: PALETTE.primary,
    navigationBarTitleText: '西城便民生活圈',
    navigationBarTextStyle: 'white',
    // In the browser build too: a title bar with a back button on pages that are not tabs.
    navigationStyle: 'default',
  },
  tabBar: {
    color: PALETTE.textSecondary,
    selectedColor: PALETTE.primary,
    backgroundColor: PALETTE.surface,
    borderStyle: 'white',
    list: [
      {
        pagePath: ROUTES.home,
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-on.png',
      },
      {
        pagePath: ROUTES.circles,
        text: '生活圈',
        iconPath: 'assets/tab/circles.png',
        selectedIconPath: 'assets/tab/circles-on.png',
      },
      {
        pagePath: ROUTES.mine,
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-on.png',
      },
    ],
  },
  // Location APIs fail at run time unless declared here, with the reason shown to the person.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于在地图上选择网点、活动和社区位置，并查找您附近的便民服务' },
  },
});

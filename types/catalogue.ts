/**
 * The service catalogue. Tiers: the eight basic services Beijing requires in every community (`basic`), the
 * extra basic formats of the national guide (MOFCOM 2021, `basicExtra`), quality-improvement formats
 * (`quality`) and smart / mobile facilities (`smart`). `icon` is a key the app maps to a picture.
 */
export const CATEGORIES = [
  { id: 'vegetables', name: '蔬菜零售', tier: 'basic', icon: 'vegetable' },
  { id: 'breakfast', name: '早餐', tier: 'basic', icon: 'breakfast' },
  { id: 'convenience', name: '便利店（超市）', tier: 'basic', icon: 'store' },
  { id: 'hair', name: '美容美发', tier: 'basic', icon: 'scissors' },
  { id: 'housekeeping', name: '家政', tier: 'basic', icon: 'broom' },
  { id: 'laundry', name: '洗染', tier: 'basic', icon: 'laundry' },
  { id: 'repair', name: '便民维修', tier: 'basic', icon: 'wrench' },
  { id: 'parcel', name: '末端配送（快递柜/驿站）', tier: 'basic', icon: 'parcel' },
  { id: 'supermarket', name: '综合超市', tier: 'basicExtra', icon: 'cart' },
  { id: 'wetMarket', name: '菜市场', tier: 'basicExtra', icon: 'market' },
  { id: 'freshGrocery', name: '生鲜超市（菜店）', tier: 'basicExtra', icon: 'fresh' },
  { id: 'pharmacy', name: '药店', tier: 'basicExtra', icon: 'pill' },
  { id: 'photoPrint', name: '照相文印', tier: 'basicExtra', icon: 'printer' },
  { id: 'postal', name: '邮政快递综合服务点', tier: 'basicExtra', icon: 'post' },
  { id: 'reading', name: '阅读空间/新式书店', tier: 'quality', icon: 'book' },
  { id: 'creative', name: '文创', tier: 'quality', icon: 'palette' },
  { id: 'elderlyCare', name: '养老', tier: 'quality', icon: 'elderly' },
  { id: 'childcare', name: '托育', tier: 'quality', icon: 'baby' },
  { id: 'specialtyFood', name: '特色餐饮', tier: 'quality', icon: 'bowl' },
  { id: 'fitness', name: '运动健身', tier: 'quality', icon: 'dumbbell' },
  { id: 'teaCoffee', name: '茶艺咖啡', tier: 'quality', icon: 'cup' },
  { id: 'flowers', name: '鲜花礼品', tier: 'quality', icon: 'flower' },
  { id: 'bakery', name: '蛋糕烘焙', tier: 'quality', icon: 'cake' },
  { id: 'wellness', name: '保健养生', tier: 'quality', icon: 'leaf' },
  { id: 'communityMall', name: '社区型购物中心', tier: 'quality', icon: 'mall' },
  { id: 'lifeServiceCenter', name: '百姓生活服务中心', tier: 'quality', icon: 'home' },
  { id: 'thirdSpace', name: '第三空间', tier: 'quality', icon: 'sofa' },
  { id: 'smartLocker', name: '智能快递柜', tier: 'smart', icon: 'locker' },
  { id: 'vending', name: '自动售卖', tier: 'smart', icon: 'vending' },
  { id: 'unmannedStore', name: '无人值守便利店', tier: 'smart', icon: 'robot' },
  { id: 'smartFreezer', name: '智能冷冻柜', tier: 'smart', icon: 'snow' },
  { id: 'vegetableVan', name: '蔬菜零售车', tier: 'smart', icon: 'truck' },
  { id: 'frontWarehouse', name: '前置仓', tier: 'smart', icon: 'warehouse' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export type CategoryTier = (typeof CATEGORIES)[number]['tier'];
export type Category = (typeof CATEGORIES)[number];

export const TIER_NAMES: Record<CategoryTier, string> = {
  basic: '基本保障类',
  basicExtra: '基本保障类（国家指南补充）',
  quality: '品质提升类',
  smart: '智能与流动设施',
};

/** The eight basic services every community must reach (北京市基本便民网点). */
export const BASIC_CATEGORIES = CATEGORIES.filter((c) => c.tier === 'basic').map((c) => c.id);

export const CATEGORY_BY_ID: Record<CategoryId, Category> = Object.fromEntries(
  CATEGORIES.map((c) => [c.id, c]),
) as Record<CategoryId, Category>;

/** Extra goods an outlet carries (一店多能). */
export const GOODS = [
  '早餐',
  '蔬菜',
  '针头线脑',
  '简餐主食',
  '饮品',
  '果蔬生鲜',
  '乙类非处方药',
  '二类医疗器械',
  '图书报刊',
] as const;
export type Goods = (typeof GOODS)[number];

/** Extra services an outlet offers (一点多用). */
export const SERVICES = ['小物维修', '代收洗衣', '快递代收代寄', '复印传真', '照相扩印', '充电宝', '借雨伞'] as const;
export type Service = (typeof SERVICES)[number];

/** Payment: cash and bank cards must stay possible (the plan asks it for older residents). */
export const PAYMENT_METHODS = ['cash', 'bankCard', 'elderCard', 'face', 'wechatPay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_NAMES: Record<PaymentMethod, string> = {
  cash: '现金',
  bankCard: '银行卡',
  elderCard: '老年卡',
  face: '刷脸支付',
  wechatPay: '微信支付',
};

export const BRAND_TYPES = ['chain', 'specialty', 'timeHonored', 'stateOwned'] as const;
export type BrandType = (typeof BRAND_TYPES)[number];
export const BRAND_NAMES: Record<BrandType, string> = {
  chain: '品牌连锁',
  specialty: '特色小店',
  timeHonored: '老字号',
  stateOwned: '国有',
};

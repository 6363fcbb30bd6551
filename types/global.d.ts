/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | undefined;
    TARO_APP_ID: string;
    /** Where the WeChat build reaches the local server when no cloud environment is configured. */
    TARO_APP_API_BASE?: string;
    /** A CloudBase environment id: when set, the WeChat build calls the cloud functions. */
    TARO_APP_CLOUD_ENV?: string;
    /** WeChat one-time subscription templates by message kind, JSON: `{"promoted": "<template id>"}`. */
    TARO_APP_TEMPLATES?: string;
  }
}

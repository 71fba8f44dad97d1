/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** API base URL, baked in at build time by config/index.ts ('' = same origin). */
    TARO_APP_API_BASE: string | undefined;
  }
}

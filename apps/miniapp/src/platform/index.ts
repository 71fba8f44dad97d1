// Fallback for tools that do not know Taro's platform suffixes (tsc, jest): the browser implementation.
// Taro's build resolves `./platform` to index.weapp.ts or index.h5.ts by TARO_ENV before this file.
export { platform } from './index.h5';
export type { Platform } from './types';

import Taro from '@tarojs/taro';
import type { Platform } from './types';
import { storedDeviceId } from './device-id';

export const platform: Platform = {
  name: 'weapp',
  async login() {
    const { code } = await Taro.login();
    return code;
  },
  deviceId: storedDeviceId,
};

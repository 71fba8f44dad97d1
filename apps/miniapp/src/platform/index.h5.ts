import type { Platform } from './types';
import { storedDeviceId } from './device-id';

export const platform: Platform = {
  name: 'h5',
  async login() {
    return null;
  },
  deviceId: storedDeviceId,
};

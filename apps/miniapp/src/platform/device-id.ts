import Taro from '@tarojs/taro';

const DEVICE_ID_KEY = 'kaoping.deviceId';

function randomHex(bytes: number): string {
  const out: string[] = [];
  for (let i = 0; i < bytes; i += 1) out.push(Math.floor(Math.random() * 256).toString(16).padStart(2, '0'));
  return out.join('');
}

/** A random id made once and kept in storage. */
export function storedDeviceId(): string {
  const existing: unknown = Taro.getStorageSync(DEVICE_ID_KEY);
  if (typeof existing === 'string' && existing.length >= 16) return existing;
  const id = `dev-${Date.now().toString(36)}-${randomHex(12)}`;
  Taro.setStorageSync(DEVICE_ID_KEY, id);
  return id;
}

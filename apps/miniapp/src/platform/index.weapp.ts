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
  async getLocation() {
    try {
      const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 });
      return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy };
    } catch (err) {
      const msg = String((err as { errMsg?: string }).errMsg ?? '');
      if (/auth|deny|denied/i.test(msg)) throw new Error('未获得定位权限，请在“设置”中允许使用位置信息后重试', { cause: err });
      throw new Error('无法获取位置，请打开手机定位（GPS）后重试', { cause: err });
    }
  },
  async wifiBssid() {
    try {
      await Taro.startWifi();
      const res = (await Taro.getConnectedWifi({})) as unknown as { wifi?: { BSSID?: string } };
      return res.wifi?.BSSID || undefined;
    } catch {
      return undefined;
    }
  },
  async takePhoto() {
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'], camera: 'back' });
      const file = res.tempFiles[0];
      return file ? { preview: file.tempFilePath } : null;
    } catch {
      return null; // cancelled
    }
  },
  async uploadPhoto(photo, url, token) {
    const res = await Taro.uploadFile({ url, filePath: photo.preview, name: 'file', header: token ? { Authorization: `Bearer ${token}` } : {} });
    let body: { id?: string; url?: string; message?: string } = {};
    try {
      body = JSON.parse(res.data) as typeof body;
    } catch {
      // not JSON
    }
    if (res.statusCode >= 300 || !body.id) throw new Error(body.message ?? '照片上传失败，请重试');
    return { id: body.id, url: body.url ?? '' };
  },
  async choosePhoto() {
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
      const file = res.tempFiles[0];
      return file ? { preview: file.tempFilePath } : null;
    } catch {
      return null; // cancelled
    }
  },
  async chooseFile(extensions) {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
      const file = res.tempFiles[0];
      return file ? { path: file.path, name: file.name } : null;
    } catch {
      return null; // cancelled
    }
  },
  async uploadFile(picked, url, token) {
    const res = await Taro.uploadFile({ url, filePath: picked.path, name: 'file', header: token ? { Authorization: `Bearer ${token}` } : {} });
    let body: unknown = {};
    try {
      body = JSON.parse(res.data);
    } catch {
      // not JSON
    }
    return { statusCode: res.statusCode, body };
  },
  async openDownload(url, token, filename) {
    const res = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} });
    if (res.statusCode !== 200) throw new Error('下载失败，请稍后重试');
    const ext = filename.split('.').pop() ?? 'xlsx';
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: ext as 'xlsx', showMenu: true });
  },
  async requestSubscribe(templateIds) {
    const ids = templateIds.slice(0, 3);
    let res: Record<string, string>;
    try {
      res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>;
    } catch (err) {
      const msg = String((err as { errMsg?: string }).errMsg ?? '');
      if (/switched off|20004/.test(msg)) throw new Error('您已在微信中关闭了订阅消息，请在小程序“设置”里打开后重试', { cause: err });
      throw new Error('订阅未完成，请稍后重试', { cause: err });
    }
    return {
      accepted: ids.filter((id) => res[id] === 'accept'),
      rejected: ids.filter((id) => res[id] === 'reject' || res[id] === 'ban' || res[id] === 'filter'),
    };
  },
};

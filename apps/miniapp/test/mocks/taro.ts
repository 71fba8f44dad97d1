// A small stand-in for @tarojs/taro: storage backed by a Map, every API a jest.fn tests can program.
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const __storage = storage;

const Taro = {
  request: jest.fn(),
  showToast: jest.fn(() => Promise.resolve()),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  reLaunch: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
  setClipboardData: jest.fn(() => Promise.resolve()),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
};

export function useDidShow(fn: () => void): void {
  useEffect(() => {
    fn();
  }, []);
}

export function useLoad(fn: () => void): void {
  useEffect(() => {
    fn();
  }, []);
}

export default Taro;

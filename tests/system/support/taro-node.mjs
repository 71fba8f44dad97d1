// @tarojs/taro for the mini-program's service modules running in Node: the two platform calls the offline queue
// and the HTTP wrapper make — `request` (wx.request semantics: any HTTP status resolves with { statusCode, data };
// only a request that got no answer rejects) and synchronous storage — plus no-op UI calls.
const storage = new Map();

/** The phone's storage, for tests to look into. */
export const phoneStorage = storage;

const networkListeners = new Set();

async function request({ url, method = 'GET', data, header = {}, timeout = 60_000 }) {
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: header,
      body: data === undefined || method === 'GET' ? undefined : JSON.stringify(data),
      signal: AbortSignal.timeout(timeout),
    });
    const text = await res.text();
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: handed over as text, like wx.request
    }
    return { statusCode: res.status, data: body, header: Object.fromEntries(res.headers) };
  } catch (err) {
    throw { errMsg: `request:fail ${err.cause?.code ?? err.name ?? err.message}` };
  }
}

const Taro = {
  request,
  getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key, value) => void storage.set(key, value),
  removeStorageSync: (key) => void storage.delete(key),
  showToast: async () => undefined,
  reLaunch: async () => undefined,
  login: async () => ({ code: '' }),
  onNetworkStatusChange: (cb) => void networkListeners.add(cb),
  offNetworkStatusChange: (cb) => void networkListeners.delete(cb),
  onAppShow: () => undefined,
  offAppShow: () => undefined,
};

/** Simulates the phone's network coming back (what `Taro.onNetworkStatusChange` reports). */
export function reconnect() {
  for (const cb of networkListeners) cb({ isConnected: true, networkType: 'wifi' });
}

export default Taro;

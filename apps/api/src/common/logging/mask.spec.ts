import { maskSensitive } from './mask.js';

describe('masking personal data in log lines', () => {
  it('masks mobile numbers in every common spelling, keeping the first three and last four digits', () => {
    const line = JSON.stringify({ url: '/api/complaints?phone=13800138000&x=1', msg: '联系电话 139-1234-5678，或 +86 137 0000 1111，%2B8613512345678' });
    const out = maskSensitive(line);
    for (const clear of ['13800138000', '139-1234-5678', '137 0000 1111', '13512345678']) expect(out).not.toContain(clear);
    expect(out).toContain('138****8000');
    expect(out).toContain('139****5678');
  });

  it('masks landlines with an area code, openids, JWTs and refresh tokens', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwMDE2In0.c2lnbmF0dXJl';
    const out = maskSensitive(`tel 0553-1234567 openid oUpF8uMuAJO_M2pxb1Q9zNjWeS6o token ${jwt} rt_${'A'.repeat(43)}`);
    expect(out).not.toContain('1234567');
    expect(out).not.toContain('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('A'.repeat(43));
  });

  it('masks values of personal properties whatever they look like', () => {
    const out = maskSensitive(JSON.stringify({ openid: 'openid-yang', contactPhone: '8888-1234', session_key: 'abc' }));
    expect(out).not.toContain('openid-yang');
    expect(out).not.toContain('8888-1234');
    expect(out).not.toContain('"abc"');
  });

  it('leaves ordinary numbers alone: timestamps, ids, years, durations', () => {
    const line = '{"time":1732400000000,"reqId":"a13800138000b","year":2024,"responseTime":13,"id":"00000000-0000-4000-8000-00000000a001"}';
    expect(maskSensitive(line)).toBe(line);
  });
});

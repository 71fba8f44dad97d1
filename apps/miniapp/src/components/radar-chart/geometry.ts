/** Pure geometry of the radar chart (unit-tested): axis end points, the value polygon, label positions. */

export interface RadarAxis {
  label: string;
  value: number;
  max: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Point on axis `i` of `n` at `r` (fraction 0–1) of the radius, first axis straight up, clockwise. */
export function axisPoint(i: number, n: number, r: number, size: number): Point {
  const c = size / 2;
  const radius = c * 0.72;
  const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: c + Math.cos(a) * radius * r, y: c + Math.sin(a) * radius * r };
}

function poly(points: Point[]): string {
  return points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/** An SVG document (ASCII only: labels are laid out as views on top). */
export function radarSvg(axes: RadarAxis[], size: number): string {
  const n = axes.length;
  const rings = [0.25, 0.5, 0.75, 1].map((r) => `<polygon points="${poly(axes.map((_a, i) => axisPoint(i, n, r, size)))}" fill="none" stroke="#e5e6eb" stroke-width="1"/>`);
  const spokes = axes.map((_a, i) => {
    const p = axisPoint(i, n, 1, size);
    return `<line x1="${size / 2}" y1="${size / 2}" x2="${p.x.toFixed(1)}" y2="${p.y.toFixed(1)}" stroke="#e5e6eb" stroke-width="1"/>`;
  });
  const values = axes.map((a, i) => axisPoint(i, n, a.max > 0 ? Math.max(0, Math.min(1, a.value / a.max)) : 0, size));
  const dots = values.map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3" fill="#1661d8"/>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    rings.join('') +
    spokes.join('') +
    `<polygon points="${poly(values)}" fill="rgba(22,97,216,0.22)" stroke="#1661d8" stroke-width="2"/>` +
    dots.join('') +
    '</svg>'
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (no btoa on weapp). */
export function base64Ascii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i);
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN;
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]!) + (Number.isNaN(c) ? '=' : B64[n & 63]!);
  }
  return out;
}

export function radarDataUri(axes: RadarAxis[], size: number): string {
  return `data:image/svg+xml;base64,${base64Ascii(radarSvg(axes, size))}`;
}

import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { axisPoint, radarDataUri, type RadarAxis } from './geometry';
import './index.scss';

const SIZE = 300;

/**
 * A radar (polar) chart of the dimensions: the polygon is an SVG drawn into an Image (works on weapp and H5), the
 * Chinese labels are views placed at the axis ends.
 */
export function RadarChart({ axes }: { axes: RadarAxis[] }) {
  const src = useMemo(() => radarDataUri(axes, SIZE), [axes]);
  if (axes.length < 3) return null;
  return (
    <View className="radar" data-testid="radar-chart" style={{ width: `${SIZE}px`, height: `${SIZE}px` }}>
      <Image className="radar__img" src={src} style={{ width: `${SIZE}px`, height: `${SIZE}px` }} />
      {axes.map((a, i) => {
        const p = axisPoint(i, axes.length, 1.27, SIZE);
        return (
          <View key={a.label} className="radar__label" style={{ left: `${p.x}px`, top: `${p.y}px` }}>
            <Text className="radar__name">{a.label}</Text>
            <Text className="radar__value">{Math.round(a.value * 10) / 10}</Text>
          </View>
        );
      })}
    </View>
  );
}

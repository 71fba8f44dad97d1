// @tarojs/components as plain DOM elements, keeping className, data-* attributes and onClick.
import type { ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string };

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'onClick' || k === 'role' || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v;
  }
  return out;
}

export function View(props: Props) {
  return <div {...domProps(props)}>{props.children}</div>;
}

export function Text(props: Props) {
  return <span {...domProps(props)}>{props.children}</span>;
}

export function Input(props: Props & { value?: string; placeholder?: string; onInput?: (e: { detail: { value: string } }) => void }) {
  return (
    <input
      {...domProps(props)}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Picker(props: Props) {
  return <div {...domProps(props)}>{props.children}</div>;
}

export function Image(props: Props) {
  return <img {...domProps(props)} alt="" />;
}

// NutUI React Taro as plain DOM elements (the real package needs Taro's runtime).
import type { ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function dataProps(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('data-')));
}

export function Button(props: Props & { onClick?: () => void; disabled?: boolean; loading?: boolean }) {
  return (
    <button type="button" {...dataProps(props)} disabled={props.disabled} onClick={() => props.onClick?.()}>
      {props.children}
    </button>
  );
}

export function SearchBar(props: Props & { value?: string; placeholder?: string; onChange?: (v: string) => void }) {
  return (
    <input
      type="search"
      value={props.value ?? ''}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange?.(e.target.value)}
    />
  );
}

export function Loading() {
  return <span role="progressbar" />;
}

export function Popup(props: Props & { visible?: boolean; title?: ReactNode }) {
  return props.visible ? (
    <div role="dialog">
      {props.title}
      {props.children}
    </div>
  ) : null;
}

// A cockpit panel: an Ant Design card on the page, a glowing dark frame on the meeting-room screen.
import { Card, Flex } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { Theme } from './charts.ts';

export interface PanelProps {
  title: ReactNode;
  extra?: ReactNode;
  theme: Theme;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}

export default function Panel({ title, extra, theme, children, style, testId }: PanelProps) {
  if (!theme.dark) {
    return (
      <Card size="small" title={title} extra={extra} style={{ height: '100%', ...style }} styles={{ body: { padding: 12 } }} data-testid={testId}>
        {children}
      </Card>
    );
  }
  return (
    <section
      data-testid={testId}
      style={{
        height: '100%', display: 'flex', flexDirection: 'column', background: theme.panel, borderRadius: 10,
        border: '1px solid rgba(63,169,255,0.35)', boxShadow: 'inset 0 0 24px rgba(63,169,255,0.12)', padding: '14px 18px', minHeight: 0, overflow: 'hidden', ...style,
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 10 }}>
        <h2 style={{ margin: 0, fontSize: 26, fontWeight: 600, color: theme.text, borderLeft: `5px solid ${theme.accent}`, paddingLeft: 12 }}>{title}</h2>
        {extra && <div style={{ fontSize: 18, color: theme.subtext }}>{extra}</div>}
      </Flex>
      <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</div>
    </section>
  );
}

/** A big number with its label, for tiles on both themes. */
export function Figure({ label, value, sub, theme, color, onClick, testId }: {
  label: ReactNode; value: ReactNode; sub?: ReactNode; theme: Theme; color?: string; onClick?: () => void; testId?: string;
}) {
  const s = theme.scale;
  return (
    <div
      data-testid={testId}
      role={onClick ? 'link' : undefined}
      tabIndex={onClick ? 0 : undefined}
      onClick={onClick}
      onKeyDown={onClick ? (e) => { if (e.key === 'Enter') onClick(); } : undefined}
      style={{ cursor: onClick ? 'pointer' : undefined, minWidth: 0 }}
    >
      <div style={{ color: theme.subtext, fontSize: Math.round(13 * s), whiteSpace: 'nowrap' }}>{label}</div>
      <div className="tj-num" style={{ color: color ?? theme.text, fontSize: Math.round(24 * s), fontWeight: 600, lineHeight: 1.25, whiteSpace: 'nowrap' }}>{value}</div>
      {sub && <div style={{ color: theme.subtext, fontSize: Math.round(12 * s), whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{sub}</div>}
    </div>
  );
}

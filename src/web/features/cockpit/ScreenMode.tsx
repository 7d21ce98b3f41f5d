// The meeting-room screen (?screen=1): 1920×1080, dark, large type, no app shell; the headline
// tiles stay while the panels cycle every 15 seconds (← → switch, Esc or the button exits).
import { Button, Flex } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CockpitResult } from '../../../contract/cockpit.ts';
import { DARK } from './charts.ts';
import type { Drill } from './drill.ts';
import { NS } from './i18n.ts';
import { BatchesPanel, CardsPanel, RoadblocksPanel } from './Oversight.tsx';
import { GaugesPanel, KpiTiles } from './Overview.tsx';
import { CurvePanel, RankingPanel } from './Progress.tsx';

export const CYCLE_MS = 15_000;
const PAGES = 2;

function useClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export default function ScreenMode({ data, drill, onExit }: { data: CockpitResult; drill: Drill; onExit: () => void }) {
  const { t } = useTranslation(NS);
  const [page, setPage] = useState(0);
  const now = useClock();
  const th = DARK;

  useEffect(() => {
    const id = setInterval(() => setPage((p) => (p + 1) % PAGES), CYCLE_MS);
    return () => clearInterval(id);
  }, [page]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onExit();
      else if (e.key === 'ArrowRight') setPage((p) => (p + 1) % PAGES);
      else if (e.key === 'ArrowLeft') setPage((p) => (p + PAGES - 1) % PAGES);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onExit]);

  const cell = (children: React.ReactNode, flex: number) => <div style={{ flex, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</div>;

  return createPortal(
    <div
      data-testid="cockpit-screen"
      style={{
        position: 'fixed', inset: 0, zIndex: 1500, overflow: 'hidden', color: th.text, padding: '18px 28px 24px',
        background: 'radial-gradient(ellipse at top, #0f2a55 0%, #07152d 55%, #040c1c 100%)',
        display: 'flex', flexDirection: 'column', gap: 16, fontFamily: 'inherit',
      }}
    >
      <Flex justify="space-between" align="center" style={{ height: 64 }}>
        <div>
          <h1 style={{ margin: 0, fontSize: 40, letterSpacing: 4, fontWeight: 700, color: '#fff', textShadow: '0 0 18px rgba(63,169,255,0.6)' }}>
            {t('title', { region: data.regionName })}
          </h1>
        </div>
        <Flex align="center" gap={28} style={{ fontSize: 22, color: th.subtext }}>
          <span>{t('period', { year: data.year, month: data.month })}</span>
          <Flex gap={10} aria-hidden>
            {Array.from({ length: PAGES }, (_, i) => (
              <span key={i} onClick={() => setPage(i)} style={{ width: 14, height: 14, borderRadius: 7, cursor: 'pointer', background: i === page ? th.accent : th.muted }} />
            ))}
          </Flex>
          <span className="tj-num">{now.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}</span>
          <Button ghost icon={<CloseOutlined />} onClick={onExit} title={t('screenHint')} size="large">{t('exitScreen')}</Button>
        </Flex>
      </Flex>

      <KpiTiles data={data} theme={th} drill={drill} />

      <div style={{ flex: 1, minHeight: 0, display: 'flex', gap: 16 }} data-testid={`cockpit-screen-page-${page}`}>
        {page === 0 ? (
          <>
            {cell(<GaugesPanel data={data} theme={th} drill={drill} />, 30)}
            {cell(<CurvePanel data={data} theme={th} drill={drill} />, 38)}
            {cell(<RankingPanel data={data} theme={th} drill={drill} fill />, 32)}
          </>
        ) : (
          <>
            {cell(<CardsPanel data={data} theme={th} drill={drill} listMax={8} />, 52)}
            {cell(
              <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateRows: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
                <RoadblocksPanel data={data} theme={th} drill={drill} />
                <BatchesPanel data={data} theme={th} drill={drill} />
              </div>,
              48,
            )}
          </>
        )}
      </div>
    </div>,
    document.body,
  );
}

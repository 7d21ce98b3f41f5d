// 挂图作战: the region's projects on its county map, coloured by card and sized by investment,
// merged into numbered bubbles where dense; click for a summary and the link to the project's
// file. Projects without coordinates are listed under the map. Admins manage the borders here.
import { FilterOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Drawer, Flex, Grid, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPoint, MapUnplaced } from '../../../contract/map.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { ADMIN_ROLES } from '../../app/permissions.ts';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import BoundaryModal from './BoundaryModal.tsx';
import { NS } from './i18n.ts';
import { useBoundaries, useMapProjects } from './map.api.ts';
import MapChart, { CARD_HEX, type MapShapes } from './MapChart.tsx';
import MapFilters from './MapFilters.tsx';
import { apiQuery, useMapView } from './mapView.ts';
import ProjectPanel from './ProjectPanel.tsx';
import UnplacedTable from './UnplacedTable.tsx';

/** Without borders the points still show, on a transparent frame around them. */
function frameAround(points: MapPoint[]): MapShapes['geojson'] {
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  const [x0, x1, y0, y1] = lngs.length ? [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)] : [115, 117, 35, 37];
  const pad = Math.max(0.05, (x1 - x0) * 0.08, (y1 - y0) * 0.08);
  const ring = [[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad], [x0 - pad, y0 - pad]];
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
}

function Legend() {
  const { t } = useTranslation(NS);
  const dot = (color: string, size = 10) => (
    <span aria-hidden style={{ display: 'inline-block', width: size, height: size, borderRadius: '50%', background: color, border: '1px solid #fff', boxShadow: '0 0 0 1px rgba(0,0,0,0.08)' }} />
  );
  return (
    <Flex wrap gap={14} align="center" style={{ fontSize: 12 }} aria-label={t('legend.title')}>
      {(['blue', 'yellow', 'red', 'none'] as const).map((c) => (
        <Flex key={c} gap={5} align="center">{dot(CARD_HEX[c])}<span>{t(`color.${c}`)}</span></Flex>
      ))}
      <Flex gap={5} align="center">
        {dot('#8c8c8c', 6)}{dot('#8c8c8c', 10)}{dot('#8c8c8c', 15)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('legend.size')}</Typography.Text>
      </Flex>
      <Flex gap={5} align="center">
        <span
          aria-hidden
          style={{
            display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 22, height: 22, borderRadius: '50%', fontSize: 10, fontWeight: 700,
            background: `radial-gradient(circle, #fff 0 6px, transparent 6.5px), conic-gradient(${CARD_HEX.red} 0 25%, ${CARD_HEX.yellow} 0 45%, ${CARD_HEX.blue} 0 100%)`,
          }}
        >
          12
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('legend.cluster')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

export default function MapPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { view, update } = useMapView();
  const projects = useMapProjects(apiQuery(view));
  const data = projects.data;
  const boundaries = useBoundaries(view.region);
  const [selected, setSelected] = useState<MapPoint | MapUnplaced | null>(null);
  const [manage, setManage] = useState(false);
  // On a phone the filters fold away behind a button, so the map is in view at once.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = [view.stage.length, view.color.length, view.industry.length, view.leader, view.batch, view.periodId].filter(Boolean).length;

  const leaders = useMemo(() => new Map((data?.leaders ?? []).map((l) => [l.id, l.name])), [data]);
  const regions = useMemo(() => new Map((data?.regions ?? []).map((r) => [r.code, r.name])), [data]);
  const leaderName = (id: string | null) => (id ? leaders.get(id) ?? null : null);
  const regionName = (code: string) => regions.get(code) ?? null;

  const points = useMemo(() => data?.items ?? [], [data]);
  const shapes: MapShapes | null = useMemo(() => {
    const b = boundaries.data;
    if (b) return { name: `tuijin-${b.regionCode}-${b.features.map((f) => f.properties.regionCode).join('.')}-${b.updatedAt ?? 'bundled'}`, geojson: b };
    if (boundaries.isError && data) return { name: `tuijin-frame-${data.regionCode}`, geojson: frameAround(points) };
    return null;
  }, [boundaries.data, boundaries.isError, data, points]);

  const mapHeight = phone ? 420 : 640;
  const subtitle = data && (data.periodLabel
    ? t('subtitlePeriod', { region: data.regionName, count: data.count, period: data.periodLabel })
    : t('subtitle', { region: data.regionName, count: data.count }));
  const panel = selected
    ? <ProjectPanel point={selected} leaderName={leaderName(selected.leaderId)} regionName={regionName(selected.regionCode)} onClose={() => setSelected(null)} />
    : <Typography.Text type="secondary">{t('panel.empty')}</Typography.Text>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={8} justify="space-between" align="flex-start">
            <Flex vertical gap={2}>
              <Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>
              {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
            </Flex>
            <Flex gap={8}>
              {phone && (
                <Badge count={activeFilters} size="small">
                  <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen}>{t('filter.toggle')}</Button>
                </Badge>
              )}
              {ADMIN_ROLES.includes(user.role) && (
                <Button icon={<GlobalOutlined />} onClick={() => setManage(true)}>{phone ? null : t('boundary.manage')}</Button>
              )}
            </Flex>
          </Flex>
          {(!phone || filtersOpen) && (
            <MapFilters view={view} update={update} regionCode={data?.regionCode} leaderName={leaderName(view.leader ?? null)} />
          )}
        </Flex>
      </Card>

      {projects.error && <ErrorAlert error={projects.error} title={t('loadFailed')} onRetry={() => void projects.refetch()} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Card size="small" styles={{ body: { padding: phone ? 8 : 12 } }}>
            <Flex vertical gap={8}>
              {boundaries.isError && <Alert type="info" showIcon title={t('noBoundaries', { message: errorMessage(boundaries.error) })} />}
              {shapes ? (
                <MapChart
                  shapes={shapes}
                  points={points}
                  selectedId={selected?.id ?? null}
                  onSelect={setSelected}
                  height={mapHeight}
                  cellPx={phone ? 36 : 44}
                />
              ) : <Card loading variant="borderless" style={{ height: mapHeight }} />}
              <Legend />
              {boundaries.data && (
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('attribution')} · {boundaries.data.source}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        </Col>
        {!phone && (
          <Col xs={24} lg={7}>
            <Card size="small" style={{ height: '100%' }} aria-live="polite">{panel}</Card>
          </Col>
        )}
      </Row>

      {data && (
        <Card size="small" title={t('unplaced.title', { count: data.withoutCoordinates.count })}>
          <Flex vertical gap={8}>
            {data.withoutCoordinates.count > 0 && <Typography.Text type="secondary">{t('unplaced.hint')}</Typography.Text>}
            <UnplacedTable items={data.withoutCoordinates.items} leaderName={leaderName} regionName={regionName} compact={phone} />
          </Flex>
        </Card>
      )}

      {phone && (
        // On a phone the summary slides up over the map instead of landing below it.
        <Drawer open={!!selected} onClose={() => setSelected(null)} placement="bottom" size="auto" closable={false} styles={{ body: { padding: 16 } }}>
          {selected && panel}
        </Drawer>
      )}

      {manage && <BoundaryModal open={manage} onClose={() => setManage(false)} initialRegion={boundaries.data?.regionCode ?? data?.regionCode ?? user.regionCode} />}
    </Space>
  );
}

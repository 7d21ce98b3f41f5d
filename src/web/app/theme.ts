// The look: a sober government blue on white, navy navigation, compact tables, CJK fonts first.
import type { ThemeConfig } from 'antd';

export const NAVY = '#0c2b4f';
export const PRIMARY = '#1a5bb8';

export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorError: '#c8271e',
    colorSuccess: '#2f8a3b',
    colorWarning: '#d4880f',
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    colorBgLayout: '#f2f4f7',
    colorTextBase: '#1f2329',
  },
  components: {
    Layout: { siderBg: NAVY, headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px', bodyBg: '#f2f4f7' },
    Menu: {
      darkItemBg: NAVY,
      darkSubMenuItemBg: '#0a2442',
      darkItemSelectedBg: PRIMARY,
      darkItemColor: 'rgba(255,255,255,0.78)',
      itemHeight: 44,
    },
    Table: { headerBg: '#f5f7fa', headerColor: '#3b4351', cellPaddingBlockSM: 7, rowHoverBg: '#f0f5ff' },
    Card: { headerFontSize: 15 },
    Tabs: { horizontalItemGutter: 24 },
    Descriptions: { labelBg: '#f7f8fa' },
  },
};

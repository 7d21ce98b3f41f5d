// 中文 / English switch in the header.
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

/** `compact`: the globe alone (phones), the language named in the menu. */
export default function LanguageSwitch({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  void i18n.language;
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('lang.label')} style={dark ? { color: '#fff' } : undefined}>
        {!compact && t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}

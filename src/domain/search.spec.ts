import { describe, expect, it } from 'vitest';
import { buildSearchText, likeEscape, pinyinFull, pinyinInitials } from './search.ts';

describe('pinyin search text', () => {
  it('gives initials and full pinyin of Chinese names', () => {
    expect(pinyinInitials('莘县调味品')).toBe('sxtwp');
    expect(pinyinFull('高唐')).toBe('gaotang');
  });

  it('keeps letters and digits in names as they are', () => {
    expect(pinyinInitials('5G新材料产业园')).toBe('5gxclcyy');
    expect(pinyinInitials('OLED基板')).toBe('oledjb');
  });

  it('combines code, name, owner and pinyin in lower case', () => {
    const s = buildSearchText({ code: 'LC-001', name: '聊城云仓', owner: '鲁西集团' });
    expect(s).toContain('lc-001');
    expect(s).toContain('聊城云仓');
    expect(s).toContain('鲁西集团');
    expect(s).toContain('lcyc');
    expect(s).toContain('liaochengyuncang');
  });

  it('escapes LIKE wildcards', () => {
    expect(likeEscape('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});

describe('search text in one pass', () => {
  it('gives the same initials as the two-pass form for mixed names', () => {
    for (const name of ['OLED基板项目', '5G新材料产业园', '年产10万吨预制菜项目', '莘县调味品全产业链', 'A区 B栋 工程', '聊城·高新区（二期）']) {
      const s = buildSearchText({ code: 'X', name });
      expect(s.split(' ')).toContain(pinyinInitials(name).toLowerCase().replace(/\s+/g, ''));
    }
  });
});

// Text search over projects: code, name, owner, and the name's pinyin (full and initials), so
// "lcgx" or "liaocheng" finds 聊城高新… as Chinese users expect.
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

export function pinyinFull(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

export function buildSearchText(parts: { code: string; name: string; owner?: string | null }): string {
  // One pinyin pass gives both spellings (imports compute this for thousands of rows): each Chinese
  // character yields one syllable, each run of other characters one segment kept as written.
  const syllables = pinyin(parts.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const runs = parts.name.match(/[\u3400-\u9fff]|[^\u3400-\u9fff]+/g) ?? [];
  const initials =
    runs.length === syllables.length
      ? syllables.map((syl, i) => (/[\u3400-\u9fff]/.test(runs[i]!) ? syl.charAt(0) : syl)).join('')
      : pinyinInitials(parts.name);
  const compact = (x: string) => x.replace(/\s+/g, '');
  return [parts.code, parts.name, parts.owner ?? '', compact(initials), compact(syllables.join(''))].join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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
  return [parts.code, parts.name, parts.owner ?? '', pinyinInitials(parts.name), pinyinFull(parts.name)]
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../../renderer/format';
import { formatNumber, strings } from '../../../renderer/strings';

describe('Arabic counts', () => {
  it('agree the noun with the number, in Arabic-Indic digits', () => {
    expect(strings.articleCount(0)).toBe('لا مقالات');
    expect(strings.articleCount(1)).toBe('مقالة واحدة');
    expect(strings.articleCount(2)).toBe('مقالتان');
    expect(strings.articleCount(3)).toBe('٣ مقالات');
    expect(strings.articleCount(10)).toBe('١٠ مقالات');
    expect(strings.articleCount(12)).toBe('١٢ مقالة');
    expect(strings.articleCount(100)).toBe('١٠٠ مقالة');
    expect(formatNumber(100000)).toBe('١٠٠٬٠٠٠');
  });

  it('summarize an import in one line: imported, duplicates, failed', () => {
    expect(strings.importSummary(3, 1, 1)).toBe('تم استيراد ٣ مقالات، ١ مكرر، ١ فشل');
    expect(strings.importSummary(1, 0, 0)).toBe('تم استيراد مقالة واحدة');
    expect(strings.importSummary(0, 2, 0)).toBe('لم تُستورد مقالات جديدة، ٢ مكرر');
  });
});

describe('reading time', () => {
  it('counts about 180 words a minute, never less than a minute', () => {
    expect(readingMinutes('كلمة')).toBe(1);
    expect(readingMinutes(Array(900).fill('كلمة').join(' '))).toBe(5);
    expect(strings.readingTime(5)).toBe('٥ دقائق قراءة');
  });
});

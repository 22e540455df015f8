/**
 * Feed dates → ISO 8601. Feeds write RFC 822 (with two-digit years, zones such as "EST" or
 * "GMT+2", missing seconds, a time without its colon, weekdays and months in the site's own
 * language) or ISO 8601 / W3CDTF (date only, no zone, no seconds). A date and time becomes UTC
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (what the library writes for import times, so both sort as text);
 * a date without a time stays `YYYY-MM-DD`. Anything else is null: the library then sorts the
 * article by its import time. A time without a zone is read as UTC, as feed readers do.
 */

const MONTHS = new Map<string, number>();
// English, then the abbreviations of the other languages feeds are written in (accents removed).
const MONTH_NAMES: string[][] = [
  ['jan', 'ene', 'gen', 'janv', 'jän', 'jaan'],
  ['feb', 'fev', 'fevr', 'febr'],
  ['mar', 'mrt', 'mars', 'marz', 'maer'],
  ['apr', 'abr', 'avr', 'avri'],
  ['may', 'mai', 'mag', 'mei'],
  ['jun', 'giu', 'juin', 'juni'],
  ['jul', 'lug', 'juil', 'juli'],
  ['aug', 'ago', 'aou', 'aout'],
  ['sep', 'set', 'sept'],
  ['oct', 'out', 'okt', 'ott'],
  ['nov'],
  ['dec', 'dez', 'dic'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));

function monthOf(word: string): number | null {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f.]/g, '').toLowerCase();
  return MONTHS.get(w) ?? MONTHS.get(w.slice(0, 4)) ?? MONTHS.get(w.slice(0, 3)) ?? null;
}

// North American zones as RFC 822 names them, and a few more that real feeds use.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180,
  jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, acst: 570, awst: 480, nzst: 720, nzdt: 780,
};

/** Minutes east of UTC, or null for no zone at all; an unknown name counts as UTC. */
function zoneOffset(zone: string): number | null | undefined {
  const z = zone.trim().toLowerCase();
  if (!z) return null;
  // +0200, -03:00, +2, GMT+2, UTC-0300
  const m = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return m[1] === '-' ? -minutes : minutes;
  }
  const name = z.replace(/[()]/g, '').split(/\s+/)[0] ?? '';
  if (name in ZONES) return ZONES[name];
  // Military single letters are unreliable (RFC 2822 says to read them as -0000).
  if (/^[a-z]{1,5}$/.test(name)) return 0;
  return undefined;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number; offset: number | null }

function toIso(p: Parts): string | null {
  if (p.year < 1000 || p.year > 9999 || !validDay(p.year, p.month, p.day)) return null;
  if (p.hour === undefined) return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const minute = p.minute ?? 0;
  const second = Math.min(p.second ?? 0, 59); // a leap second
  if (p.hour > 24 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, minute, second, p.ms ?? 0) - (p.offset ?? 0) * 60_000;
  return new Date(utc).toISOString();
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(.*)$/i;

function parseIso(s: string): string | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone = ''] = m;
  if (h === undefined && zone.trim() !== '') return null;
  const offset = zoneOffset(zone);
  if (offset === undefined) return null;
  return toIso({
    year: Number(y), month: Number(mo ?? 1), day: Number(d ?? 1),
    hour: h === undefined ? undefined : Number(h), minute: mi === undefined ? undefined : Number(mi),
    second: sec === undefined ? undefined : Number(sec), ms: frac ? Math.round(Number(`0.${frac}`) * 1000) : 0, offset,
  });
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n; // RFC 2822's reading of two-digit years
}

const TIME = '(\\d{1,2}):?(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?';
// [weekday,] day month year [time] [zone]: "Sat, 23 Jan 2016 15:40:37 +0000", "03 Apr 02 1500 GMT"
const RFC822 = new RegExp(`^(\\d{1,2})[\\s-]+([^\\s\\d,.-]+)\\.?,?[\\s-]+(\\d{4}|\\d{2})(?:[\\s,T]+${TIME})?\\s*(.*)$`);
// [weekday] month day[,] [time] year / month day, year [time]: "Sat Jan 23 15:40:37 2016", "January 23, 2016 3:40 PM"
const US = new RegExp(`^([^\\s\\d,.-]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:${TIME}\\s*([ap]\\.?m\\.?)?\\s+(\\d{4})|(\\d{4})(?:,?\\s+${TIME}\\s*([ap]\\.?m\\.?)?)?)\\s*(.*)$`, 'i');

function parseRfc822(input: string): string | null {
  // The weekday carries no information, and may be in any language; a month name stays.
  const weekday = /^([^\d\s,]+)\.?,?\s*/.exec(input);
  const s = weekday && monthOf(weekday[1] ?? '') === null ? input.slice(weekday[0].length) : input;
  let m = RFC822.exec(s);
  if (m) {
    const [, d, mon, y, h, mi, sec, zone = ''] = m;
    const month = monthOf(mon ?? '');
    const offset = zoneOffset(zone);
    if (month === null || offset === undefined) return null;
    return toIso({
      year: fullYear(y ?? ''), month, day: Number(d),
      hour: h === undefined ? undefined : Number(h), minute: mi === undefined ? undefined : Number(mi),
      second: sec === undefined ? undefined : Number(sec), offset,
    });
  }
  m = US.exec(s);
  if (m) {
    const [, mon, d, h1, mi1, s1, ap1, y1, y2, h2, mi2, s2, ap2, zone = ''] = m;
    const month = monthOf(mon ?? '');
    const offset = zoneOffset(zone);
    if (month === null || offset === undefined) return null;
    const h = h1 ?? h2;
    const ap = (ap1 ?? ap2 ?? '').toLowerCase().replace(/\./g, '');
    let hour = h === undefined ? undefined : Number(h);
    if (hour !== undefined && ap) hour = (hour % 12) + (ap === 'pm' ? 12 : 0);
    const minute = mi1 ?? mi2;
    const second = s1 ?? s2;
    return toIso({
      year: Number(y1 ?? y2), month, day: Number(d), hour,
      minute: minute === undefined ? undefined : Number(minute), second: second === undefined ? undefined : Number(second), offset,
    });
  }
  return null;
}

/** A feed's date as ISO 8601, or null when it is missing or cannot be read. */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 100) return null;
  if (/^\d{4}(-?\d{2}){0,2}([T\s]|$)/i.test(s)) return parseIso(s);
  return parseRfc822(s);
}

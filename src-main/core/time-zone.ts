/**
 * Calendar arithmetic in the archive's time zone (settings.timeZone, default Asia/Shanghai).
 * "Reviewed every three months" is a rule about the calendar on the office wall: a dossier
 * reviewed on 31 August (Beijing time) is due on 30 November, although in UTC that review
 * happened on 30 August and UTC arithmetic said 30 November 17:00 UTC, 1 December in Beijing.
 * Intl only (no time-zone library); correct across DST for zones that have it.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Wall {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (settings validation). */
export function isTimeZone(name: string): boolean {
  try {
    formatFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function wallTime(at: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    ms: at.getUTCMilliseconds(),
  };
}

/** The instant a wall-clock reading names in a zone (the earlier one in a DST overlap). */
export function fromWallTime(wall: Wall, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  let guess = asUtc;
  // Two corrections settle any offset change (the offset at the guess may differ from the one at the answer).
  for (let i = 0; i < 2; i++) {
    const seen = wallTime(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, wall.ms);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}

/** Answers of addMonthsInZone already worked out: a catalogue page asks for one per row, again and again. */
const monthSums = new Map<string, number>();
const MAX_MONTH_SUMS = 50_000;

/** `months` calendar months later (or earlier) in the zone; the 31st becomes the month's last day. */
export function addMonthsInZone(at: string | Date, months: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  // Each answer costs three Intl formatToParts calls; the same question always has the same answer.
  const key = `${timeZone}|${months}|${new Date(at).getTime()}`;
  const known = monthSums.get(key);
  if (known !== undefined) return new Date(known);
  const sum = computeAddMonths(at, months, timeZone);
  if (monthSums.size >= MAX_MONTH_SUMS) monthSums.clear();
  monthSums.set(key, sum.getTime());
  return sum;
}

function computeAddMonths(at: string | Date, months: number, timeZone: string): Date {
  const wall = wallTime(new Date(at), timeZone);
  const index = wall.month - 1 + months;
  const year = wall.year + Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromWallTime({ ...wall, year, month, day: Math.min(wall.day, last) }, timeZone);
}

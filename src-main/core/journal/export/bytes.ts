/** The byte values the CSV fast paths (chain-csv.ts, csv-identity.ts, pages.ts) scan for. */
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const BACKSLASH = 0x5c;
export const APOSTROPHE = 0x27;
export const CR = 0x0d;
export const LF = 0x0a;

/**
 * The ASCII bytes the CSV fast paths scan for (chain-csv.ts, csv-identity.ts, pages.ts): one table.
 *
 * Users copy what they need into module-level constants (`const { LF } = BYTE;`) rather than
 * importing the names: run from the sources through tsx, an imported binding is a getter on this
 * module, called for every byte scanned; a local constant is read directly, bundled or not.
 */
export const BYTE = Object.freeze({
  APOSTROPHE: 0x27,
  BACKSLASH: 0x5c,
  COMMA: 0x2c,
  CR: 0x0d,
  LF: 0x0a,
  QUOTE: 0x22,
});

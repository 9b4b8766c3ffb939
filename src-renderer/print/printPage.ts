/**
 * Every printout goes through here: the bundled Chinese fonts first, then the browser's print.
 * The fonts (resources/fonts, copied beside index.html) are not part of the page's CSS, so the first
 * paint never waits for them; they load on the first print, only the subsets the page's text needs.
 * Page size and margins are the A4 rules in styles.css (@page).
 */
const FONTS_CSS = 'fonts/fonts.css';
const FAMILIES = ['"Noto Serif SC"', '"Noto Sans SC"'];
/** Past this, print with what has loaded rather than keep the person waiting. */
const FONT_WAIT_MS = 3000;

let stylesheet: Promise<void> | null = null;

function loadStylesheet(): Promise<void> {
  stylesheet ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = FONTS_CSS;
    link.onload = () => resolve();
    link.onerror = () => resolve(); // print anyway, in the system's fonts
    document.head.appendChild(link);
  });
  return stylesheet;
}

/** Loads the print fonts for the text on the page (or gives up after a moment). */
export async function preparePrintout(): Promise<void> {
  try {
    await loadStylesheet();
    const text = document.body.innerText.slice(0, 20_000);
    const loads = Promise.all(FAMILIES.map((family) => document.fonts.load(`16px ${family}`, text))).then(() => document.fonts.ready);
    await Promise.race([loads, new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);
  } catch {
    /* fonts are a nicety: never a reason not to print */
  }
}

/** Loads the print fonts for the text on the page, then opens the print dialog. */
export async function printPage(): Promise<void> {
  await preparePrintout();
  window.print();
}

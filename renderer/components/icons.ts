/**
 * The interface's icons, drawn inline (no icon font, no network). 24×24, stroked with
 * currentColor so they follow the theme. Icons that point (back) are mirrored by CSS in RTL.
 */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult, className = ''): SVGTemplateResult =>
  svg`<svg class="icon ${className}" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor"
    stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const searchIcon = icon(svg`<circle cx="11" cy="11" r="6.5"/><path d="m20 20-4.2-4.2"/>`);

export const libraryIcon = icon(
  svg`<path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H9v16H5.5A1.5 1.5 0 0 1 4 18.5z"/><path d="M9 4h3.5A1.5 1.5 0 0 1 14 5.5V20H9"/><path d="m15.5 5.6 3.2-.9a1.2 1.2 0 0 1 1.5.8l3 11.3-4.6 1.2"/>`,
);

export const bookmarkIcon = (filled: boolean): SVGTemplateResult =>
  icon(svg`<path d="M7 3.75h10A1.25 1.25 0 0 1 18.25 5v15.25L12 16.5l-6.25 3.75V5A1.25 1.25 0 0 1 7 3.75z" fill=${filled ? 'currentColor' : 'none'}/>`);

export const importIcon = icon(svg`<path d="M12 4v11"/><path d="m7.5 10.5 4.5 4.5 4.5-4.5"/><path d="M4.5 15.5v2.25A2.25 2.25 0 0 0 6.75 20h10.5a2.25 2.25 0 0 0 2.25-2.25V15.5"/>`);

/** Drawn pointing left ("back" in LTR); the stylesheet flips it under dir=rtl. */
export const backIcon = icon(svg`<path d="M19 12H5"/><path d="m11 6-6 6 6 6"/>`, 'directional');

export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);

export const clockIcon = icon(svg`<circle cx="12" cy="12" r="8.25"/><path d="M12 7.5V12l3 2"/>`);

export const alertIcon = icon(svg`<circle cx="12" cy="12" r="8.25"/><path d="M12 7.75v5"/><path d="M12 16.25h.01"/>`);

export const checkIcon = icon(svg`<circle cx="12" cy="12" r="8.25"/><path d="m8.5 12.25 2.5 2.5 4.75-5"/>`);

export const externalIcon = icon(svg`<path d="M14 4h6v6"/><path d="M20 4 11 13"/><path d="M18 14v4.5A1.5 1.5 0 0 1 16.5 20h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10"/>`);

/** The app's mark: a page with a folded corner carrying the letter ص (assets/icon.svg, without its text lines). */
export const brandMark = svg`<svg class="brand-mark" viewBox="32 32 448 448" width="32" height="32" aria-hidden="true" focusable="false">
  <rect x="32" y="32" width="448" height="448" rx="104" fill="#0d6b58"/>
  <path d="M176 104h176a24 24 0 0 1 24 24v256a24 24 0 0 1-24 24H160a24 24 0 0 1-24-24V144z" fill="#fffdf8"/>
  <path d="M176 104v24a16 16 0 0 1-16 16h-24z" fill="#cfe3da"/>
  <path d="M346 252C346 218 304 206 276 221C262 229 258 246 270 251C274 252 280 252 288 252H346M270 252H252C246 252 242 248 242 236M242 246C242 288 210 310 184 298C170 291 166 276 170 262"
    fill="none" stroke="#0d6b58" stroke-width="26" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

// ---- The reader's actions and the settings

export const settingsIcon = icon(
  svg`<circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`,
);

export const keyboardIcon = icon(
  svg`<rect x="2.75" y="6" width="18.5" height="12" rx="2"/><path d="M6.5 9.5h.01M10 9.5h.01M13.5 9.5h.01M17 9.5h.01M6.5 12.75h.01M17 12.75h.01M9 15h6"/>`,
);

export const trashIcon = icon(svg`<path d="M4.5 7h15"/><path d="M9.5 7V4.75h5V7"/><path d="M6.5 7l.9 12.25A1.5 1.5 0 0 0 8.9 20.5h6.2a1.5 1.5 0 0 0 1.5-1.25L17.5 7"/><path d="M10.25 11v5.5M13.75 11v5.5"/>`);

export const linkIcon = icon(
  svg`<path d="M10 13.5a4 4 0 0 0 5.66 0l2.83-2.83a4 4 0 0 0-5.66-5.66L11.5 6.34"/><path d="M14 10.5a4 4 0 0 0-5.66 0l-2.83 2.83a4 4 0 0 0 5.66 5.66l1.33-1.33"/>`,
);

export const downloadIcon = icon(svg`<path d="M12 4v11"/><path d="m7.5 10.5 4.5 4.5 4.5-4.5"/><path d="M5 20h14"/>`);

export const tagIcon = icon(
  svg`<path d="M3.75 12.4V4.75a1 1 0 0 1 1-1h7.65a1 1 0 0 1 .7.29l7.3 7.3a1.5 1.5 0 0 1 0 2.12l-6.94 6.94a1.5 1.5 0 0 1-2.12 0l-7.3-7.3a1 1 0 0 1-.29-.7z"/><circle cx="8.25" cy="8.25" r="1.25"/>`,
);

/** An open envelope: the article is read. */
export const readIcon = icon(svg`<path d="M3.75 10 12 4.5 20.25 10v8.75a1.25 1.25 0 0 1-1.25 1.25H5a1.25 1.25 0 0 1-1.25-1.25z"/><path d="m3.75 10 8.25 5.5 8.25-5.5"/>`);

/** A closed envelope with a dot: the article is unread. */
export const unreadIcon = icon(svg`<rect x="3.75" y="6" width="16.5" height="13" rx="1.25"/><path d="m3.75 7.5 8.25 5.5 8.25-5.5"/><circle cx="19" cy="6" r="2.5" fill="currentColor"/>`);

export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);

/** A highlighter's tip over a line of marked text. */
export const highlighterIcon = icon(svg`<path d="m14.5 4.5 5 5-7.75 7.75h-5v-5z"/><path d="m9.25 9.75 5 5"/><path d="M4 20.5h16"/>`);
/** A feed: the broadcast arcs. */
export const feedIcon = icon(svg`<path d="M5 5a14 14 0 0 1 14 14"/><path d="M5 10.5a8.5 8.5 0 0 1 8.5 8.5"/><circle cx="6" cy="18" r="1.5" fill="currentColor"/>`);

export const folderIcon = icon(svg`<path d="M3.75 7.25A1.5 1.5 0 0 1 5.25 5.75h4l2 2.25h7.5a1.5 1.5 0 0 1 1.5 1.5v8.75a1.5 1.5 0 0 1-1.5 1.5H5.25a1.5 1.5 0 0 1-1.5-1.5z"/>`);

export const moreIcon = icon(svg`<circle cx="6" cy="12" r="1.1" fill="currentColor"/><circle cx="12" cy="12" r="1.1" fill="currentColor"/><circle cx="18" cy="12" r="1.1" fill="currentColor"/>`);

/** Points down when open; drawn pointing toward the reading's end when closed (flipped under rtl). */
export const chevronIcon = icon(svg`<path d="m9 6 6 6-6 6"/>`, 'directional');

export const pauseIcon = icon(svg`<path d="M9 6.5v11M15 6.5v11"/>`);

/** The narrow window's button for the sidebar, which opens as a drawer. */
export const menuIcon = icon(svg`<path d="M4.5 7h15M4.5 12h15M4.5 17h15"/>`);

/**
 * The rows of a virtualized list in the list pane, shared by the articles (article-list.ts) and
 * the highlights (highlight-list.ts): the scrolling box, a row as a button with the current one
 * marked at its start, the line of source and date under a title, and a loading row's bars.
 */
import { css } from 'lit';

export const rowStyles = css`
  :host {
    display: block;
    min-block-size: 0;
    block-size: 100%;
  }

  .scroller {
    block-size: 100%;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .item {
    inline-size: 100%;
  }

  .row {
    inline-size: 100%;
    padding: 14px 20px 12px;
    border: 0;
    border-block-end: 1px solid var(--border);
    border-inline-start: 3px solid transparent;
    background: transparent;
    text-align: start;
    cursor: pointer;
    transition: background-color 100ms ease;
  }

  .row:hover {
    background: var(--surface-hover);
  }

  .row[aria-current='true'] {
    border-inline-start-color: var(--accent);
    background: var(--surface-selected);
  }

  .row:focus-visible {
    outline-offset: -3px;
  }

  .meta {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    color: var(--muted);
    line-height: 1.5;
    white-space: nowrap;
    overflow: hidden;
  }

  .meta .source {
    color: var(--accent);
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* A drawn bar, not a "·": in Arabic text a middle dot reads like the Arabic-Indic zero "٠". */
  .meta .dot {
    flex: none;
    inline-size: 1px;
    block-size: 0.8em;
    background: var(--border-strong);
  }

  .placeholder .bar {
    display: block;
    border-radius: 6px;
    background: var(--placeholder);
  }
`;

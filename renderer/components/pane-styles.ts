/**
 * The list pane's frame, shared by the article list's pane (list-pane.ts) and the highlights view's
 * (highlights-pane.ts): its title and count, the row of tools that narrow it, and the message in
 * place of an empty list.
 */
import { css } from 'lit';

export const paneStyles = css`
  .list-pane {
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr);
    min-block-size: 0;
    border-inline-end: 1px solid var(--border);
    background: var(--surface);
  }

  :host([narrow]) .list-pane {
    border-inline-end: 0;
  }

  .list-header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    min-block-size: 48px;
    padding: 0.9rem 1.25rem 0.45rem;
  }

  .list-header h1 {
    margin: 0;
    color: var(--text-strong);
    font-size: 1.05rem;
    font-weight: 700;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .list-header .count {
    flex: none;
    color: var(--muted);
    font-size: 0.82rem;
  }

  .list-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    padding: 0 1.25rem 0.7rem;
    border-block-end: 1px solid var(--border);
  }

  .list-tools select {
    flex: 1 1 6rem;
    min-inline-size: 0;
    max-inline-size: 12rem;
    block-size: 32px;
    padding-inline: 0.5rem;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius-sm);
    background: var(--surface-raised);
    color: var(--text);
    font: inherit;
    font-size: 0.82rem;
  }

  .list-tools .unread-toggle {
    flex: none;
    block-size: 32px;
    padding-inline: 0.7rem;
    font-size: 0.82rem;
  }

  .list-tools .unread-toggle[aria-pressed='true'] {
    border-color: var(--accent);
    background: var(--accent-soft);
    color: var(--accent);
    font-weight: 600;
  }

  .list-empty {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 0.5rem;
    padding: 2rem;
    color: var(--muted);
    text-align: center;
  }

  .list-empty h2 {
    margin: 0;
    color: var(--text);
    font-size: 1rem;
    font-weight: 600;
  }

  .list-empty p {
    margin: 0;
    max-inline-size: 22rem;
    font-size: 0.88rem;
  }

  .list-empty .icon {
    inline-size: 32px;
    block-size: 32px;
    margin-block-end: 0.25rem;
    color: var(--faint);
  }

  .list-error {
    color: var(--danger);
  }
`;

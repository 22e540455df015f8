/** Styles several components share: buttons, focus rings, icons, marks. Tokens come from global.css. */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    font-family: var(--font-ui);
    color: var(--text);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .icon {
    flex: none;
    display: block;
  }

  /* Icons that point: drawn for LTR, turned around when the interface reads right to left. */
  :host(:dir(rtl)) .icon.directional {
    transform: scaleX(-1);
  }

  button {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--focus-ring);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    block-size: 38px;
    padding-inline: 0.9rem;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    background: var(--surface-raised);
    color: var(--text);
    font-size: 0.92rem;
    font-weight: 500;
    cursor: pointer;
    white-space: nowrap;
    transition:
      background-color 120ms ease,
      border-color 120ms ease,
      color 120ms ease;
  }

  .button:hover {
    background: var(--surface-hover);
  }

  .button.primary {
    border-color: var(--accent);
    background: var(--accent);
    color: var(--on-accent);
  }

  .button.primary:hover {
    border-color: var(--accent-hover);
    background: var(--accent-hover);
  }

  .button.quiet {
    border-color: transparent;
    background: transparent;
  }

  .button.quiet:hover {
    background: var(--surface-hover);
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 36px;
    block-size: 36px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--radius);
    background: transparent;
    color: var(--muted);
    cursor: pointer;
  }

  .icon-button:hover {
    background: var(--surface-hover);
    color: var(--text);
  }

  mark {
    padding: 0 0.08em;
    border-radius: 3px;
    background: var(--mark-bg);
    color: var(--mark-text);
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** A card floating at the bottom of the window: the import's progress and its report. */
export const floatingCardStyles = css`
  :host {
    position: fixed;
    inset-block-end: 1.25rem;
    inset-inline-start: 1.25rem;
    inline-size: min(26rem, calc(100vw - 2.5rem));
  }

  .card {
    border: 1px solid var(--border-strong);
    border-radius: var(--radius-lg);
    background: var(--surface-raised);
    box-shadow: var(--shadow-lg);
  }
`;

/**
 * A host that adds no box of its own: what it renders is laid out by its parent, as if written
 * there (the window's grid places the top bar's header, the sidebar's nav and the list's section).
 */
export const boxlessHostStyles = css`
  :host {
    display: contents;
  }
`;

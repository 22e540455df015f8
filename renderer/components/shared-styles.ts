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

  /* A count beside a side bar entry: the library's sections, tags, feeds and folders. */
  .badge {
    min-inline-size: 1.6rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: var(--surface-hover);
    color: var(--muted);
    font-size: 0.75rem;
    font-weight: 500;
    line-height: 1.6rem;
    text-align: center;
  }

  /* The surface of a menu that pops up over the window: a feed's or folder's, the export's. */
  .popup-menu {
    z-index: 5;
    display: grid;
    padding: 0.3rem;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    background: var(--surface-raised);
    box-shadow: var(--shadow-lg);
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

/** A modal <dialog>: its box, its backdrop, and a header with its title and a close button. */
export const dialogStyles = css`
  dialog {
    max-block-size: calc(100vh - 3rem);
    padding: 0;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius-lg);
    background: var(--surface);
    color: var(--text);
    box-shadow: var(--shadow-lg);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 0.9rem 1.25rem;
    border-block-end: 1px solid var(--border);
  }

  h2 {
    margin: 0;
    color: var(--text-strong);
    font-size: 1.05rem;
  }
`;

/** A dialog (with dialogStyles) holding a form of labelled fields, one error line and the buttons at its end. */
export const formDialogStyles = css`
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
  }

  form {
    display: grid;
    gap: 0.9rem;
    padding: 1rem 1.25rem 1.25rem;
  }

  label,
  fieldset {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
    font-size: 0.9rem;
  }

  legend {
    margin-block-end: 0.35rem;
    padding: 0;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  input[type='text'],
  input[type='url'],
  select {
    block-size: 38px;
    padding-inline: 0.65rem;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    background: var(--surface-raised);
    color: var(--text);
    font: inherit;
  }

  .hint {
    color: var(--muted);
    font-size: 0.8rem;
  }

  .suggestion {
    color: var(--accent);
    font-size: 0.8rem;
  }

  .error {
    margin: 0;
    color: var(--danger);
    font-size: 0.88rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  .actions .start {
    margin-inline-end: auto;
  }

  .button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
`;

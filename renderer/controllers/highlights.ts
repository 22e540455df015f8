/**
 * The reader's highlights in the open article: fetched with it, added from a selection, recoloured,
 * annotated and removed. Each change is saved first, then shown; failures become notices. Where a
 * highlight is drawn is main's answer (offsets into the text); the reading view only draws it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Highlight, HighlightColor, HighlightExportFormat, SahifaApi } from '../../common';
import { downloadFile } from '../clipboard';
import { strings } from '../strings';
import type { NoticeController } from './notices';

export type HighlightsApi = Pick<SahifaApi, 'articleHighlights' | 'addHighlight' | 'updateHighlight' | 'removeHighlight' | 'exportHighlights'>;

const SHORT_NOTICE_MS = 2_500;

export class HighlightsController implements ReactiveController {
  /** The open article's highlights in text order (orphaned ones included: they are not drawn). */
  highlights: Highlight[] = [];
  /** The article they belong to. */
  articleId: number | null = null;
  private request = 0;
  /** The current article's highlights being fetched. */
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: HighlightsApi,
    private readonly notices: NoticeController,
    private readonly download: (fileName: string, mimeType: string, content: string) => void = downloadFile,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Follows the article the reader shows (or is opening): its highlights are fetched when it
   * changes. Resolves once they are in (at once when the article is the same); never rejects.
   */
  follow(articleId: number | null): Promise<void> {
    if (articleId === this.articleId) return this.loading;
    this.articleId = articleId;
    this.highlights = [];
    this.loading = articleId === null ? Promise.resolve() : this.load(articleId);
    return this.loading;
  }

  async load(articleId: number): Promise<void> {
    const request = ++this.request;
    try {
      const highlights = await this.api.articleHighlights({ id: articleId });
      if (request !== this.request || articleId !== this.articleId) return;
      this.highlights = highlights;
      this.host.requestUpdate();
    } catch (error) {
      if (request === this.request && articleId === this.articleId) this.notices.error(error);
    }
  }

  async add(article: number, start: number, end: number, color: HighlightColor, note?: string): Promise<Highlight | null> {
    try {
      const highlight = await this.api.addHighlight({ article, start, end, color, ...(note ? { note } : {}) });
      if (this.articleId === article) {
        this.highlights = [...this.highlights, highlight].sort((a, b) => a.start - b.start);
        this.host.requestUpdate();
      }
      return highlight;
    } catch (error) {
      this.notices.error(error);
      return null;
    }
  }

  async update(id: string, changes: { color?: HighlightColor; note?: string | null }): Promise<void> {
    try {
      const updated = await this.api.updateHighlight({ id, ...changes });
      this.highlights = this.highlights.map((h) => (h.id === id ? updated : h));
      this.host.requestUpdate();
      if (changes.note !== undefined) this.notices.show({ message: strings.noteSaved }, SHORT_NOTICE_MS);
    } catch (error) {
      this.notices.error(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.api.removeHighlight({ id });
      this.highlights = this.highlights.filter((h) => h.id !== id);
      this.host.requestUpdate();
      this.notices.show({ message: strings.highlightRemoved }, SHORT_NOTICE_MS);
    } catch (error) {
      this.notices.error(error);
    }
  }

  /** The open article's highlights (or, with `all`, the library's) as a Markdown note or W3C annotations. */
  async exportAs(format: HighlightExportFormat, all = false): Promise<void> {
    const article = this.articleId;
    if (article === null && !all) return;
    try {
      const result = await this.api.exportHighlights(all || article === null ? { format } : { article, format });
      if (result.kind === 'content') this.download(result.fileName, result.mimeType, result.content);
      if (result.kind !== 'cancelled') this.notices.show({ message: strings.highlightsExported }, SHORT_NOTICE_MS);
    } catch (error) {
      this.notices.error(error);
    }
  }
}

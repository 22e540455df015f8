/**
 * Files dragged over the window: `dragging` while they are (for the drop overlay), and the files
 * handed over when dropped. A file dropped anywhere never makes the window navigate to it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export class FileDropController implements ReactiveController {
  dragging = false;
  /** dragenter and dragleave come for every element crossed: the drag is over the window while this is above 0. */
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onFiles: (files: File[]) => void,
    private readonly target: EventTarget = window,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener('dragenter', this.onDragEnter as EventListener);
    this.target.addEventListener('dragover', this.onDragOver as EventListener);
    this.target.addEventListener('dragleave', this.onDragLeave as EventListener);
    this.target.addEventListener('drop', this.onDrop as EventListener);
  }

  hostDisconnected(): void {
    this.target.removeEventListener('dragenter', this.onDragEnter as EventListener);
    this.target.removeEventListener('dragover', this.onDragOver as EventListener);
    this.target.removeEventListener('dragleave', this.onDragLeave as EventListener);
    this.target.removeEventListener('drop', this.onDrop as EventListener);
  }

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    this.depth++;
    this.setDragging(true);
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.setDragging(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.depth = 0;
    this.setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.onFiles(files);
  };
}

import { beforeEach, describe, expect, it } from 'vitest';
import { FileDropController } from '../../../../renderer/controllers/file-drop';
import { FakeHost } from './fakes';

/** A drag event as the browser sends it: what it carries (files or not), cancelable. */
function drag(type: string, files: File[] | null): DragEvent {
  const event = new Event(type, { cancelable: true }) as DragEvent;
  const dataTransfer = { types: files === null ? ['text/plain'] : ['Files'], files: files ?? [], dropEffect: 'none' };
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  return event;
}

describe('dropping files on the window', () => {
  let windowEvents: EventTarget;
  let host: FakeHost;
  let dropped: File[][];
  let drop: FileDropController;

  beforeEach(() => {
    windowEvents = new EventTarget();
    host = new FakeHost();
    dropped = [];
    drop = new FileDropController(host, (files) => dropped.push(files), windowEvents);
    host.connect();
  });

  it('shows the overlay while files are over the window, across the elements they cross', () => {
    const files = [new File(['نص'], 'a.txt')];
    const enter = drag('dragenter', files);
    windowEvents.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(drop.dragging).toBe(true);
    // Into a child element: enter the child, then leave the parent.
    windowEvents.dispatchEvent(drag('dragenter', files));
    windowEvents.dispatchEvent(drag('dragleave', files));
    expect(drop.dragging).toBe(true);
    const over = drag('dragover', files);
    windowEvents.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer?.dropEffect).toBe('copy');
    windowEvents.dispatchEvent(drag('dragleave', files));
    expect(drop.dragging).toBe(false);
    expect(dropped).toEqual([]);
  });

  it('hands the dropped files over, and a drop never navigates the window', () => {
    const files = [new File(['نص'], 'a.txt'), new File(['<p>نص</p>'], 'b.html')];
    windowEvents.dispatchEvent(drag('dragenter', files));
    const event = drag('drop', files);
    windowEvents.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(drop.dragging).toBe(false);
    expect(dropped).toEqual([files]);
    // Text dragged from a page is not an import; dropped, it still does not navigate.
    const text = drag('drop', null);
    windowEvents.dispatchEvent(drag('dragenter', null));
    expect(drop.dragging).toBe(false);
    windowEvents.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(true);
    expect(dropped).toHaveLength(1);
  });

  it('stops listening when the window goes', () => {
    host.disconnect();
    windowEvents.dispatchEvent(drag('dragenter', [new File(['x'], 'x.txt')]));
    expect(drop.dragging).toBe(false);
  });
});

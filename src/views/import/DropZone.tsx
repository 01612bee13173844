import { useEffect, useRef, useState } from 'react';
import type { Messages } from '../../i18n';
import { importFiles } from '../../store';
import { collectDrop } from './collect';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Lets files and folders be dropped anywhere on the page; shows an overlay while they are dragged over it. */
export function DropZone({ t }: { t: Messages }) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child element; a counter tells when the pointer really left.
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault(); // the browser would otherwise open the file
      depth.current = 0;
      setOver(false);
      void collectDrop(e.dataTransfer).then(({ files, skipped }) => {
        if (files.length || skipped.length) void importFiles(files, skipped);
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t.importDrop}</p>
    </div>
  );
}

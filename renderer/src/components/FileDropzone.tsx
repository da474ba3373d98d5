/** A dashed area files can be dropped on (it lights up while a file is dragged over it). */
import { useState, type ReactNode } from 'react';
import { cls } from './fields';

export function FileDropzone({ onFiles, className, children }: { onFiles: (files: FileList) => void; className?: string; children: ReactNode }) {
  const [hover, setHover] = useState(false);
  return (
    <div
      className={cls('dropzone', hover && 'is-hover', className)}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setHover(true);
      }}
      onDragLeave={() => setHover(false)}
      onDrop={(e) => {
        e.preventDefault();
        setHover(false);
        if (e.dataTransfer.files.length > 0) onFiles(e.dataTransfer.files);
      }}
    >
      {children}
    </div>
  );
}

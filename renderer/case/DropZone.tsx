// Where a person drops dispute documents (PO, invoice, packing slip, proof of delivery) from the
// desktop. The files' paths come from the bridge (`pathsForDroppedFiles`); the engine checks type, size
// and duplicates and answers per file. "Choose files…" does the same for those who cannot drag.
import { useRef, useState, type DragEvent } from 'react';
import { useCase } from '../stores/caseStore.ts';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function DropZone() {
  const drop = useCase((s) => s.drop);
  const dropError = useCase((s) => s.dropError);
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const onDragEnter = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setOver(true);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    void drop(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      role="region"
      aria-label="Drop dispute documents here"
      aria-describedby="drop-zone-help"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <p className="drop-zone-title" aria-hidden="true">
        Drop dispute documents here
      </p>
      <p id="drop-zone-help" className="drop-zone-help">
        PO, invoice, packing slip or proof of delivery. Each file is attached to the Trading Grid case once.
      </p>
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>
        Choose files…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        aria-label="Dispute documents to upload"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void drop(files);
        }}
      />
      {dropError && (
        <p role="alert" className="field-error">
          {dropError}
        </p>
      )}
    </div>
  );
}

'use client';

import { type DragEvent, useState } from 'react';
import { filesFromDrop, filesFromInput, type PickedFile } from './folder-zip';

export interface ImagesStepProps {
  archive: File | null;
  folder: PickedFile[] | null;
  /** A zip archive or a folder's files was chosen (the other is cleared). */
  onFiles(archive: File | null, folder: PickedFile[] | null): void;
}

/** Images: a zip or a folder of class folders or of images with box annotations, and the size and colour they are stored at. */
export function ImagesStep({ archive, folder, onFiles }: ImagesStepProps) {
  const [over, setOver] = useState(false);

  async function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = await filesFromDrop(event.dataTransfer.items);
    const zip = files.length === 1 && files[0]?.path.toLowerCase().endsWith('.zip') ? files[0].file : null;
    if (zip) onFiles(zip, null);
    else onFiles(null, files);
  }

  return (
    <section className="panel stack" aria-label="Images">
      <p className="small muted">
        One folder per class (<code>cats/1.png</code>, <code>dogs/2.jpg</code>); images at the top or in a folder named{' '}
        <code>unlabelled</code> wait for a label. Corrupt and non-image files are skipped and listed.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file inputs below are the keyboard way */}
      <div
        className={`ds-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        Drop a folder or a .zip here
        {folder ? <p>{folder.length} files from the dropped folder</p> : null}
        {archive ? <p>{archive.name}</p> : null}
      </div>
      <div className="row">
        <label>
          Archive (.zip)
          <input type="file" accept=".zip,application/zip" onChange={(e) => onFiles(e.target.files?.[0] ?? null, null)} />
        </label>
        <label>
          Or a folder
          <input
            type="file"
            {...({ webkitdirectory: '' } as object)}
            multiple
            onChange={(e) => onFiles(null, e.target.files ? filesFromInput(e.target.files) : null)}
          />
        </label>
      </div>
      <div className="row">
        <label>
          Width
          <input name="width" type="number" min={4} max={512} defaultValue={28} />
        </label>
        <label>
          Height
          <input name="height" type="number" min={4} max={512} defaultValue={28} />
        </label>
        <label>
          Colour
          <select name="channels" defaultValue="1">
            <option value="1">Grayscale</option>
            <option value="3">RGB</option>
          </select>
        </label>
        <label>
          Resize
          <select name="fit" defaultValue="cover">
            <option value="cover">Fill and crop</option>
            <option value="contain">Fit inside (black bars)</option>
            <option value="fill">Stretch</option>
          </select>
        </label>
      </div>
      <label>
        Labels
        <select name="task" defaultValue="classification">
          <option value="classification">Class folders (one folder per class)</option>
          <option value="detection">Boxes in annotation files (COCO .json, Pascal VOC .xml or YOLO .txt with classes.txt)</option>
          <option value="segmentation">Masks: a grey PNG per image (masks/NAME.png or NAME_mask.png; pixel value = class)</option>
        </select>
      </label>
      <p className="small muted">
        For boxes, put the annotation files anywhere in the archive beside the images; every image is stretched to the size above so the
        boxes stay on their objects, and a box outside its image, an unknown class or a missing image refuses the upload with the file
        named. An archive of images without any annotation is kept too: draw their boxes with <strong>Label boxes</strong> on the dataset's
        page (name the classes below, or add them there). For masks, each mask has its image's size and name (in a <code>masks</code> folder
        or ending in <code>_mask.png</code>); a pixel's grey value is its class (0 the background; masks of 0 and 255 are one object); a{' '}
        <code>classes.txt</code> names the classes, background first. Images without a mask are painted with <strong>Label masks</strong>.
      </p>
      <label>
        Extra classes (comma-separated, for labelling)
        <input name="classes" placeholder="e.g. rust, blight" />
      </label>
    </section>
  );
}

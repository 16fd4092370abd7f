'use client';

/**
 * A button that opens the file chooser for one image. The choice is cleared once handed over, so the
 * same file can be chosen again (after editing it, say).
 */
export function ImageFileButton({
  children,
  label,
  primary = false,
  onFile,
}: {
  children: React.ReactNode;
  /** What the image is for, for screen readers: "Image to classify". */
  label: string;
  primary?: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <label className={primary ? 'button primary' : 'button'}>
      {children}
      <input
        type="file"
        accept="image/*"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';

/** The browser's camera: start it, then take a frame as a PNG. Stops the camera when closed or left. */
export function CameraCapture({ onCapture }: { onCapture: (frame: Blob) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(
    () => () => {
      for (const t of stream?.getTracks() ?? []) t.stop();
    },
    [stream],
  );

  async function start() {
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      setStream(media);
      setProblem(null);
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
    } catch (error) {
      setProblem(`The camera is not available: ${(error as Error).message}`);
    }
  }

  function capture() {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onCapture(blob), 'image/png');
  }

  function stop() {
    for (const t of stream?.getTracks() ?? []) t.stop();
    setStream(null);
  }

  return (
    <span className="predict-camera">
      {stream ? (
        <>
          <button type="button" className="primary" onClick={capture}>
            Classify this frame
          </button>
          <button type="button" onClick={stop}>
            Stop camera
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()}>
          Use the camera
        </button>
      )}
      <video ref={video} hidden={!stream} muted playsInline aria-label="Camera" />
      {problem ? <span className="muted small">{problem}</span> : null}
    </span>
  );
}

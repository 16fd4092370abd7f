import type { GalleryCard } from '@/engine/gallery/card';

/** "96.8 %", or "not measured" when the card has no honest figure. */
export function accuracyText(card: GalleryCard): string {
  return card.accuracy.value === null ? 'not measured' : `${(card.accuracy.value * 100).toFixed(1)} %`;
}

/** "2.62 M parameters · 3.5 MB". */
export function sizeText(card: GalleryCard): string {
  const params = card.params >= 1e6 ? `${(card.params / 1e6).toFixed(2)} M` : `${(card.params / 1e3).toFixed(1)} k`;
  const bytes =
    card.sizeBytes >= 1024 * 1024 ? `${(card.sizeBytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(card.sizeBytes / 1024)} KB`;
  return `${params} parameters · ${bytes} of weights`;
}

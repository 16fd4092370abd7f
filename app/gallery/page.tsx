import '@/components/gallery/gallery.css';
import Link from 'next/link';
import { accuracyText, sizeText } from '@/components/gallery/format-card';
import { requireUser } from '@/server/auth/current-user';
import { galleryCards } from '@/server/gallery/read-gallery-files';

export const metadata = { title: 'Pretrained gallery · NetCanvas' };

/** The pretrained models that ship with NetCanvas, each with its card. */
export default async function GalleryPage() {
  await requireUser('/gallery');
  const cards = await galleryCards();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Pretrained gallery</h1>
          <p className="muted">Networks with their weights, available offline. Open one as a project to start from it.</p>
        </div>
        <Link className="button" href="/models/open" title="Predict with a TF.js graph model and look at its activations, in this browser">
          Open a graph model…
        </Link>
      </div>
      <div className="cards">
        {cards.map((card) => (
          <article key={card.id} className="card" aria-label={card.title}>
            <h3>
              <Link href={`/gallery/${card.id}`}>{card.title}</Link>
            </h3>
            <p className="small">{card.task}</p>
            <p className="muted small">{card.input}</p>
            <p className="small">
              Test accuracy: <strong>{accuracyText(card)}</strong> · {sizeText(card)}
            </p>
            <p className="muted small">{card.license}</p>
          </article>
        ))}
      </div>
    </>
  );
}

import '@/components/gallery/gallery.css';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GalleryCardFacts } from '@/components/gallery/GalleryCardFacts';
import { OpenGalleryModel } from '@/components/gallery/OpenGalleryModel';
import { galleryEntry } from '@/engine/gallery/catalog';
import { requireUser } from '@/server/auth/current-user';
import { galleryCard } from '@/server/gallery/read-gallery-files';
import { atLeast } from '@/server/permissions';
import { listTeams } from '@/server/teams/list-teams';

export const metadata = { title: 'Gallery model · NetCanvas' };

/** One gallery model: its full card, what not to assume, and "Open as a project" with a choice of cut. */
export default async function GalleryModelPage({ params }: { params: Promise<{ modelId: string }> }) {
  const { modelId } = await params;
  const user = await requireUser(`/gallery/${modelId}`);
  const entry = galleryEntry(modelId);
  if (!entry) notFound();
  const [card, teams] = await Promise.all([galleryCard(entry), listTeams(user.id)]);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="small">
            <Link href="/gallery">← Gallery</Link>
          </p>
          <h1>{card.title}</h1>
          <p className="muted">{card.summary}</p>
        </div>
      </div>
      <section className="panel gallery-card" aria-label="Model card">
        <GalleryCardFacts card={card} />
      </section>
      <section className="panel" aria-label="Caveats">
        <h2>Good to know</h2>
        <ul className="gallery-caveats">
          {card.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>Open as a project</h2>
        <OpenGalleryModel
          modelId={card.id}
          variants={card.variants}
          teams={teams.filter((t) => atLeast(t.role, 'editor')).map((t) => ({ id: t.id, name: t.name }))}
        />
      </section>
    </>
  );
}

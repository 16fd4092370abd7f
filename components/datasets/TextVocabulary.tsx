import type { TextMeta } from '@/server/datasets/text-meta';
import { TextLengthChart } from './TextLengthChart';

/** What a text version keeps about its texts: the vocabulary, the sequence length and how long the texts were. */
export function TextVocabulary({ text }: { text: TextMeta }) {
  const { vocabulary, length } = text.encoding;
  return (
    <section className="panel" aria-label="Texts and vocabulary">
      <h2>Texts and vocabulary</h2>
      <p className="small">
        Column <strong>{text.column}</strong>, lower-cased and cut into words and punctuation. Vocabulary:{' '}
        {vocabulary.length.toLocaleString('en')} entries — padding, the unknown word and the {(vocabulary.length - 2).toLocaleString('en')}{' '}
        most frequent of {text.distinctWords.toLocaleString('en')} different training words. Every text is {length} word ids long;{' '}
        {text.truncated.toLocaleString('en')} longer text{text.truncated === 1 ? ' was' : 's were'} cut. An Embedding reading it needs an
        input size of at least {vocabulary.length.toLocaleString('en')}.
      </p>
      <TextLengthChart histogram={text.lengths} length={length} />
      <p className="small muted">Most frequent: {vocabulary.slice(2, 42).join(' · ')}</p>
    </section>
  );
}

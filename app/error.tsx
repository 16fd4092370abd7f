'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="panel" style={{ maxWidth: 560, margin: '3rem auto' }} role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">The page could not be shown. The problem has been logged on the server. Try again in a moment.</p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '@/components/auth/same-origin-path';
import { clientAddress } from '@/server/http/client-address';

describe('where sign-in leads', () => {
  it.each([
    ['/projects/p1', '/projects/p1'],
    ['/projects?tab=runs#top', '/projects?tab=runs#top'],
    ['/datasets/../tokens', '/tokens'],
  ])('keeps the path %s', (next, expected) => {
    expect(sameOriginPath(next, '/projects')).toBe(expected);
  });

  it.each([
    '//evil.invalid/phish',
    '/\\evil.invalid',
    '/\t/evil.invalid',
    'https://evil.invalid/',
    'javascript:alert(1)',
    'projects',
    '',
    null,
  ])('refuses %s', (next) => {
    expect(sameOriginPath(next, '/projects')).toBe('/projects');
  });
});

describe('the client address of a request', () => {
  it('ignores X-Forwarded-For without a trusted proxy: the client wrote it', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', 0)).toBe('198.51.100.7');
  });

  it('takes the entry the trusted proxies appended, not what the client put before it', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.5', '1.1.1.1, 198.51.100.7, 10.0.0.4', 2)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.5', ['203.0.113.9', '198.51.100.7'], 1)).toBe('198.51.100.7');
  });

  it('falls back to the socket when the header is missing', () => {
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });
});

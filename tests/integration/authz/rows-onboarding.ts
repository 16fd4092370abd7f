import type { Row } from './world';

/** "Try it now" guests and the guided tour. */
export const rows: Row[] = [
  { file: 'guest', method: 'POST', path: () => '/api/guest', expect: [201, 201, 201, 201, 201] },
  {
    file: 'guest/keep',
    method: 'POST',
    path: () => '/api/guest/keep',
    body: () => ({ name: 'Kept', email: `kept${Math.random().toString(36).slice(2)}@example.com`, password: 'a good long password' }),
    // Only a guest has work to keep; everybody else's account is theirs already.
    expect: [401, 403, 403, 403, 403],
    guest: 204,
  },
  { file: 'me/tour', method: 'GET', path: () => '/api/me/tour', expect: [401, 200, 200, 200, 200] },
  { file: 'me/tour', method: 'PUT', path: () => '/api/me/tour', body: () => ({ state: 'dismissed' }), expect: [401, 204, 204, 204, 204] },
];

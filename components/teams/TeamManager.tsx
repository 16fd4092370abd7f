'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import type { TeamItem } from '@/components/projects/types';
import { type ApiResult, call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as teamRoutes from '@/server/teams/routes';

interface Member {
  userId: string;
  name: string;
  email: string;
  role: 'owner' | 'editor' | 'viewer';
  joinedAt: string;
}
interface Invitation {
  id: string;
  email: string;
  role: string;
  invitedBy: string | null;
}

const ROLES = ['owner', 'editor', 'viewer'] as const;

/** Members, roles and invitations of one team; owners can change them. */
export function TeamManager({
  me,
  team,
  members,
  invitations,
}: {
  me: string;
  team: TeamItem;
  members: Member[];
  invitations: Invitation[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const owner = team.role === 'owner';

  async function act(request: Promise<ApiResult<unknown>>, done?: string) {
    const result = await request;
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    setError(null);
    setNotice(done ?? null);
    router.refresh();
    return true;
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '');
    const role = String(data.get('role')) as (typeof ROLES)[number];
    if (await act(call(teamRoutes.inviteMember, { params: { teamId: team.id }, body: { email, role } }), `Invited ${email}.`)) form.reset();
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{team.name}</h1>
          <p className="muted">
            You are {team.role === 'owner' ? 'an' : 'a'} {team.role} of this {team.personal ? 'personal ' : ''}team.
          </p>
        </div>
      </div>
      <ErrorNote message={error} />
      {notice ? <p className="alert ok">{notice}</p> : null}
      {owner ? (
        <section className="panel">
          <form
            className="row"
            aria-label="Rename team"
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get('name') ?? '');
              void act(call(teamRoutes.renameTeam, { params: { teamId: team.id }, body: { name } }), 'Team renamed.');
            }}
          >
            <input name="name" defaultValue={team.name} aria-label="Team name" required maxLength={100} />
            <button type="submit">Rename team</button>
          </form>
        </section>
      ) : null}
      <section className="panel">
        <h2>Members</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {owner && !team.personal ? (
                    <select
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      onChange={(e) =>
                        void act(
                          call(teamRoutes.changeMemberRole, {
                            params: { teamId: team.id, userId: m.userId },
                            body: { role: e.target.value as (typeof ROLES)[number] },
                          }),
                          'Role changed.',
                        )
                      }
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td>
                  {!team.personal && (owner || m.userId === me) ? (
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => {
                        const leaving = m.userId === me;
                        if (window.confirm(leaving ? `Leave ${team.name}?` : `Remove ${m.name} from ${team.name}?`)) {
                          void act(call(teamRoutes.removeMember, { params: { teamId: team.id, userId: m.userId } })).then(
                            (ok) => ok && leaving && router.push('/projects'),
                          );
                        }
                      }}
                    >
                      {m.userId === me ? 'Leave' : 'Remove'}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {owner && !team.personal ? (
        <section className="panel">
          <h2>Invite</h2>
          <p className="muted small">
            People without an account join when they sign up with this email; people with one accept the invitation on their projects page.
          </p>
          <form className="row" onSubmit={invite} aria-label="Invite">
            <input name="email" type="email" placeholder="name@example.com" aria-label="Email to invite" required />
            <select name="role" aria-label="Role" defaultValue="editor">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <button className="primary" type="submit">
              Send invitation
            </button>
          </form>
          {invitations.length > 0 ? (
            <table style={{ marginTop: '1rem' }}>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{i.role}</td>
                    <td className="muted">{i.invitedBy ? `invited by ${i.invitedBy}` : ''}</td>
                    <td>
                      <button
                        type="button"
                        className="link danger"
                        onClick={() => void act(call(teamRoutes.revokeInvitation, { params: { teamId: team.id, invitationId: i.id } }))}
                      >
                        Withdraw
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      {team.personal ? (
        <p className="muted">This is your personal team. To work with others, create a team on the projects page and invite them.</p>
      ) : null}
      {owner && !team.personal ? (
        <section className="panel">
          <h2>Danger zone</h2>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(`Delete ${team.name} with all its projects and their history? This cannot be undone.`)) {
                void act(call(teamRoutes.deleteTeam, { params: { teamId: team.id } })).then((ok) => ok && router.push('/projects'));
              }
            }}
          >
            Delete team
          </button>
        </section>
      ) : null}
    </>
  );
}

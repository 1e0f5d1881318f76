import { channelPrefix, decodeEnvelope, encodeEnvelope } from './pub-sub';

describe('live updates through Redis: what travels and on which channels', () => {
  it('carries a payload with its Dates as Dates, and who published it', () => {
    const at = new Date('2026-03-02T14:00:00.000Z');
    const payload = { issueActivity: { issueKey: 'HX-7', at, actorName: null, version: 3 } };
    const decoded = decodeEnvelope(encodeEnvelope({ origin: 'instance-a', payload }));
    expect(decoded).toEqual({ origin: 'instance-a', payload });
    expect(
      (decoded?.payload as { issueActivity: { at: unknown } }).issueActivity.at,
    ).toBeInstanceOf(Date);
  });

  it('ignores anything on the channel that is not one of its messages', () => {
    expect(decodeEnvelope('not json')).toBeNull();
    expect(decodeEnvelope('"text"')).toBeNull();
    expect(decodeEnvelope('{"payload":1}')).toBeNull();
  });

  it('names channels by the database the instances share, not by how they sign in to it', () => {
    const postgres = (url: string) => channelPrefix({ kind: 'postgres', url });
    expect(postgres('postgres://app:one@db.example:5432/ipt')).toBe(
      postgres('postgres://other:two@DB.example/ipt'),
    );
    expect(postgres('postgres://app@db.example:5432/ipt')).not.toBe(
      postgres('postgres://app@db.example:5432/ipt_staging'),
    );
    const sqlite = (path: string) => channelPrefix({ kind: 'sqlite', path, synchronous: 'FULL' });
    expect(sqlite('/srv/a/ipt.sqlite')).not.toBe(sqlite('/srv/b/ipt.sqlite'));
    expect(postgres('postgres://app@db.example/ipt')).toMatch(/^ipt:[0-9a-f]{16}:$/);
  });
});

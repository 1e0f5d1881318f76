import { DEFAULT_DISCIPLINES } from '@ipt/domain';
import { AccountAdministrationService } from 'api/src/administration/account-administration.service';
import { DatabaseService } from 'api/src/database/database.service';
import { UserEntity } from 'api/src/users/user.entity';
import { TestApp, startTestApp } from '../support/app';
import {
  ADD_DISCIPLINE,
  ADD_MEMBER,
  CHANGE_PASSWORD,
  CREATE_PROGRAM,
  CREATE_TEAM,
  CREATE_USER,
  DEACTIVATE_USER,
  LADDER,
  MembershipView,
  ProgramView,
  REACTIVATE_USER,
  REMOVE_MEMBER,
  RESET_PASSWORD,
  SET_PROGRAM_ROLE,
  TeamView,
  UPDATE_MEMBER,
  UPDATE_PROGRAM,
  UPDATE_TEAM,
  USERS,
  UserView,
  createAccount,
  lastEvent,
  ladder,
  readProgram,
  storedEvents,
  teamNamed,
} from '../support/administration';
import { ApiClient, GraphQLErrorBody } from '../support/client';
import { firstBrokenEvent, testDatabase } from '../support/database';
import { HARDWARE_WIPT, ME, raiseOn } from '../support/operations';

describe('program set-up and account administration', () => {
  let app: TestApp;
  let admin: ApiClient;
  let pm: ApiClient;
  let engineering: ApiClient;
  let outsider: ApiClient;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp();
    [admin, pm, engineering] = (await Promise.all(
      ['admin', 'pm', 'engineering'].map((name) => app.as(`${name}@example.com`)),
    )) as [ApiClient, ApiClient, ApiClient];
    const users = (await admin.ok<{ users: UserView[] }>(USERS)).users;
    for (const user of users) ids.set(user.email, user.id);
    const account = await createAccount(admin, 'outsider');
    ids.set(account.email, account.id);
    outsider = app.client();
    await outsider.login(account.email, account.password);
  });
  afterAll(() => app.stop());

  const id = (email: string) => {
    const found = ids.get(email);
    if (!found) throw new Error(`No account ${email}`);
    return found;
  };
  const eventCount = async () => (await storedEvents(app)).length;

  function expectError(
    error: GraphQLErrorBody,
    code: string,
    extensions: Record<string, unknown> = {},
  ): void {
    expect({ code: error.extensions.code, ...pick(error.extensions, extensions) }).toEqual({
      code,
      ...extensions,
    });
  }

  /** Signs in a fresh client (a second browser) with a password. */
  async function signIn(email: string, password: string): Promise<ApiClient> {
    const client = app.client();
    await client.login(email, password);
    return client;
  }

  describe('createProgram', () => {
    it('lets a system admin create a program with the default disciplines, as its first program manager', async () => {
      const created = (
        await admin.ok<{ createProgram: ProgramView }>(CREATE_PROGRAM, {
          input: {
            key: 'NV',
            name: 'Naval Vessel Sensor Upgrade',
            phase: 'Technology Maturation & Risk Reduction',
            timeZone: 'europe/berlin',
          },
        })
      ).createProgram;
      expect(created).toMatchObject({
        key: 'NV',
        name: 'Naval Vessel Sensor Upgrade',
        timeZone: 'Europe/Berlin',
        version: 1,
        myRole: 'PROGRAM_MANAGER',
        roles: [{ role: 'PROGRAM_MANAGER', user: { email: 'admin@example.com' } }],
      });
      expect(created.disciplines.map((d) => d.code).sort()).toEqual(
        DEFAULT_DISCIPLINES.map((d) => d.code).sort(),
      );
      expect(await ladder(admin, 'NV')).toEqual([]);

      const [programCreated, roleSet] = (await storedEvents(app)).slice(-2);
      expect(programCreated).toMatchObject({
        type: 'PROGRAM_CREATED',
        actorId: id('admin@example.com'),
        programId: created.id,
        entityType: 'Program',
        entityId: created.id,
        after: { key: 'NV', timeZone: 'Europe/Berlin', version: 1 },
        at: app.clock.now().toISOString(),
      });
      expect(roleSet).toMatchObject({
        type: 'PROGRAM_ROLE_SET',
        programId: created.id,
        after: { user: 'admin@example.com', role: 'PROGRAM_MANAGER' },
      });
    });

    it('refuses anyone but a system admin, bad keys, names and time zones, and a key in use', async () => {
      const input = { key: 'ZZ', name: 'Z', phase: 'P', timeZone: 'UTC' };
      const create = (client: ApiClient, changes: Record<string, unknown> = {}) =>
        client.fails(CREATE_PROGRAM, { input: { ...input, ...changes } });
      const before = await eventCount();

      expectError(await create(pm), 'FORBIDDEN', { requiredRole: 'system admin' });
      expectError(await create(outsider), 'FORBIDDEN');
      for (const key of ['zz', 'Z', '1Z', 'Z-Z', 'ABCDEFGHIJK']) {
        expectError(await create(admin, { key }), 'BAD_USER_INPUT', { field: 'key' });
      }
      expectError(await create(admin, { name: '   ' }), 'BAD_USER_INPUT', { field: 'name' });
      expectError(await create(admin, { phase: '' }), 'BAD_USER_INPUT', { field: 'phase' });
      const zone = await create(admin, { timeZone: 'Mars/Olympus' });
      expectError(zone, 'BAD_USER_INPUT', { field: 'timeZone' });
      expect(zone.message).toContain('America/New_York');
      const taken = await create(admin, { key: 'HX' });
      expectError(taken, 'CONFLICT', { field: 'key' });
      expect(taken.message).toMatch(/already exists/);

      expect(await eventCount()).toBe(before);
      expect(
        (await admin.ok<{ programs: { key: string }[] }>(`{ programs { key } }`)).programs,
      ).not.toContainEqual({ key: 'ZZ' });
    });
  });

  describe('updateProgram', () => {
    it('lets the program manager change name, phase and time zone, given the version read', async () => {
      const read = await readProgram(pm);
      const updated = (
        await pm.ok<{ updateProgram: ProgramView }>(UPDATE_PROGRAM, {
          input: {
            programKey: 'HX',
            version: read.version,
            phase: 'Production & Deployment',
            timeZone: 'America/Chicago',
          },
        })
      ).updateProgram;
      expect(updated).toMatchObject({
        name: read.name,
        phase: 'Production & Deployment',
        timeZone: 'America/Chicago',
        version: read.version + 1,
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'PROGRAM_UPDATED',
        actorId: id('pm@example.com'),
        programId: read.id,
        before: { phase: read.phase, timeZone: read.timeZone, version: read.version },
        after: {
          phase: 'Production & Deployment',
          timeZone: 'America/Chicago',
          version: read.version + 1,
        },
      });
    });

    it('refuses a stale version, bad values, representatives and outsiders; unknown keys are not found', async () => {
      const read = await readProgram(pm);
      const update = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(UPDATE_PROGRAM, {
          input: { programKey: 'HX', version: read.version, ...input },
        });
      const before = await eventCount();

      const stale = await update(pm, { version: read.version - 1, name: 'Old' });
      expectError(stale, 'CONFLICT', { currentVersion: read.version });
      expectError(await update(pm, { timeZone: 'Nowhere/Town' }), 'BAD_USER_INPUT', {
        field: 'timeZone',
      });
      expectError(await update(pm, { name: ' ' }), 'BAD_USER_INPUT', { field: 'name' });
      const representative = await update(engineering, { name: 'Mine' });
      expectError(representative, 'FORBIDDEN', {
        requiredRole: 'PROGRAM_MANAGER or system admin',
      });
      expect((await update(outsider, { name: 'Mine' })).message).toMatch(
        /not a member of this program/,
      );
      // A program one is not in is FORBIDDEN whether or not it exists (ADR 7).
      expectError(await update(pm, { programKey: 'NOPE', name: 'x' }), 'FORBIDDEN');
      expectError(await update(admin, { programKey: 'NOPE', name: 'x' }), 'NOT_FOUND');

      expect(await eventCount()).toBe(before);
      expect((await readProgram(pm)).version).toBe(read.version);
    });

    it('lets a system admin change a program they have no role in', async () => {
      const read = await readProgram(admin);
      expect(read.myRole).toBeNull();
      const updated = (
        await admin.ok<{ updateProgram: ProgramView }>(UPDATE_PROGRAM, {
          input: { programKey: 'HX', version: read.version, name: 'HX Radio Modernization' },
        })
      ).updateProgram;
      expect(updated).toMatchObject({ name: 'HX Radio Modernization', version: read.version + 1 });
    });
  });

  describe('addDiscipline', () => {
    it('adds a program’s own discipline beside the default catalog', async () => {
      const program = (
        await pm.ok<{ addDiscipline: ProgramView }>(ADD_DISCIPLINE, {
          input: { programKey: 'HX', code: 'human-factors', name: 'Human factors' },
        })
      ).addDiscipline;
      expect(program.disciplines).toContainEqual({
        code: 'human-factors',
        name: 'Human factors',
        agreeRole: false,
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'DISCIPLINE_ADDED',
        entityType: 'Discipline',
        programId: program.id,
        after: { code: 'human-factors', name: 'Human factors', agreeRole: false },
      });
    });

    it('refuses bad codes, codes in use, representatives and unknown programs', async () => {
      const add = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(ADD_DISCIPLINE, {
          input: { programKey: 'HX', code: 'airworthiness', name: 'Airworthiness', ...input },
        });
      const before = await eventCount();
      for (const code of ['Human Factors', 'x', '9lives', 'a_b']) {
        expectError(await add(pm, { code }), 'BAD_USER_INPUT', { field: 'code' });
      }
      expectError(await add(pm, { name: '' }), 'BAD_USER_INPUT', { field: 'name' });
      expectError(await add(pm, { code: 'engineering' }), 'CONFLICT', { field: 'code' });
      expectError(await add(engineering, {}), 'FORBIDDEN');
      expectError(await add(pm, { programKey: 'QQ' }), 'FORBIDDEN');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('setProgramRole', () => {
    it('makes someone program manager, demotes them, and removes an explicit role', async () => {
      const person = await createAccount(admin, 'deputy');
      const set = async (role: string | null, client = pm) =>
        (
          await client.ok<{ setProgramRole: ProgramView }>(SET_PROGRAM_ROLE, {
            input: { programKey: 'HX', userId: person.id, role },
          })
        ).setProgramRole;

      expect((await set('PROGRAM_MANAGER')).roles).toContainEqual({
        role: 'PROGRAM_MANAGER',
        user: { email: person.email },
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'PROGRAM_ROLE_SET',
        entityType: 'ProgramRole',
        actorId: id('pm@example.com'),
        before: { userId: person.id, role: null },
        after: { userId: person.id, role: 'PROGRAM_MANAGER' },
      });
      const deputy = await signIn(person.email, person.password);
      expect((await readProgram(deputy)).myRole).toBe('PROGRAM_MANAGER');

      // The deputy, now a program manager, steps down to member themselves.
      expect((await set('MEMBER', deputy)).roles).toContainEqual({
        role: 'MEMBER',
        user: { email: person.email },
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'PROGRAM_ROLE_SET',
        actorId: person.id,
        before: { role: 'PROGRAM_MANAGER' },
        after: { role: 'MEMBER' },
      });

      const removed = await set(null);
      expect(removed.roles.map((r) => r.user.email)).not.toContain(person.email);
      expect(await lastEvent(app)).toMatchObject({
        type: 'PROGRAM_ROLE_REMOVED',
        before: { role: 'MEMBER' },
        after: { role: null },
      });
      expect((await deputy.fails(`query { program(key: "HX") { name } }`)).extensions.code).toBe(
        'FORBIDDEN',
      );

      // Setting what is already there changes nothing and records nothing.
      const before = await eventCount();
      await set(null);
      expect(await eventCount()).toBe(before);
    });

    it('refuses removing the last program manager', async () => {
      const before = await eventCount();
      for (const role of ['MEMBER', null]) {
        const error = await pm.fails(SET_PROGRAM_ROLE, {
          input: { programKey: 'HX', userId: id('pm@example.com'), role },
        });
        expectError(error, 'CONFLICT', { field: 'role' });
        expect(error.message).toMatch(/last program manager of HX/);
      }
      // A system admin is no exception: the program keeps a manager.
      expectError(
        await admin.fails(SET_PROGRAM_ROLE, {
          input: { programKey: 'NV', userId: id('admin@example.com'), role: null },
        }),
        'CONFLICT',
      );
      expect(await eventCount()).toBe(before);
      expect((await readProgram(pm)).myRole).toBe('PROGRAM_MANAGER');
    });

    it('refuses representatives, unknown accounts and programs, and bad roles', async () => {
      const set = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(SET_PROGRAM_ROLE, {
          input: { programKey: 'HX', userId: id('engineering@example.com'), ...input },
        });
      expectError(await set(engineering, { role: 'PROGRAM_MANAGER' }), 'FORBIDDEN', {
        requiredRole: 'PROGRAM_MANAGER or system admin',
      });
      expectError(await set(outsider, { role: 'MEMBER' }), 'FORBIDDEN');
      expectError(await set(pm, { userId: 'no-such-user', role: 'MEMBER' }), 'BAD_USER_INPUT', {
        field: 'userId',
      });
      expectError(await set(pm, { programKey: 'QQ', role: 'MEMBER' }), 'FORBIDDEN');
      expect((await set(pm, { role: 'OWNER' })).extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('teams', () => {
    it('lists the program’s teams as its ladder, OIPT first, with parents and children', async () => {
      const teams = await ladder(engineering);
      expect(teams.map((t) => [t.tier, t.name])).toEqual([
        ['OIPT', 'HX Overarching IPT'],
        ['IIPT', 'HX Integrating IPT'],
        ['WIPT', 'Radio Hardware WIPT'],
        ['WIPT', 'Test & Sustainment WIPT'],
      ]);
      const [oipt, iipt] = teams as [TeamView, TeamView];
      expect(oipt.parentTeam).toBeNull();
      expect(oipt.childTeams).toEqual([{ id: iipt.id, name: iipt.name, tier: 'IIPT' }]);
      expect(iipt.parentTeam).toEqual({ id: oipt.id, name: oipt.name, tier: 'OIPT' });
      expect(iipt.childTeams.map((t) => t.name)).toEqual([
        'Radio Hardware WIPT',
        'Test & Sustainment WIPT',
      ]);
      expect(teams[2]!.childTeams).toEqual([]);
      expect(teams[2]!.version).toBe(1);
    });

    it('keeps outsiders out, and tells only admins when a program does not exist', async () => {
      expectError(await outsider.fails(LADDER, { programKey: 'HX' }), 'FORBIDDEN');
      expectError(await pm.fails(LADDER, { programKey: 'QQ' }), 'FORBIDDEN');
      expectError(await admin.fails(LADDER, { programKey: 'QQ' }), 'NOT_FOUND');
      expect(await ladder(admin)).toHaveLength(4);
    });
  });

  describe('createTeam', () => {
    it('adds a WIPT under the IIPT, which then lists it among its children', async () => {
      const iipt = await teamNamed(pm, 'HX Integrating IPT');
      const created = (
        await pm.ok<{ createTeam: TeamView }>(CREATE_TEAM, {
          input: {
            programKey: 'HX',
            name: 'Software WIPT',
            tier: 'WIPT',
            parentTeamId: iipt.id,
            charter: '  Waveform software and its certification.  ',
          },
        })
      ).createTeam;
      expect(created).toMatchObject({
        name: 'Software WIPT',
        tier: 'WIPT',
        charter: 'Waveform software and its certification.',
        active: true,
        version: 1,
        parentTeam: { id: iipt.id },
        childTeams: [],
        members: [],
      });
      expect((await teamNamed(pm, 'HX Integrating IPT')).childTeams.map((t) => t.name)).toEqual([
        'Radio Hardware WIPT',
        'Software WIPT',
        'Test & Sustainment WIPT',
      ]);
      expect(await lastEvent(app)).toMatchObject({
        type: 'TEAM_CREATED',
        entityType: 'Team',
        entityId: created.id,
        actorId: id('pm@example.com'),
        after: { name: 'Software WIPT', tier: 'WIPT', parentTeamId: iipt.id },
      });
    });

    it('builds a whole ladder in a new program, top down', async () => {
      const create = async (name: string, tier: string, parentTeamId: string | null) =>
        (
          await admin.ok<{ createTeam: TeamView }>(CREATE_TEAM, {
            input: { programKey: 'NV', name, tier, parentTeamId },
          })
        ).createTeam;
      const oipt = await create('NV OIPT', 'OIPT', null);
      const iipt = await create('NV IIPT', 'IIPT', oipt.id);
      await create('NV Sensors WIPT', 'WIPT', iipt.id);
      await create('NV Direct WIPT', 'WIPT', oipt.id);
      expect((await ladder(admin, 'NV')).map((t) => t.name)).toEqual([
        'NV OIPT',
        'NV IIPT',
        'NV Sensors WIPT',
        'NV Direct WIPT',
      ]);
    });

    it('refuses breaking the ladder, names in use, representatives and unknown programs', async () => {
      const teams = await ladder(pm);
      const byTier = (tier: string) => teams.find((t) => t.tier === tier)!;
      const otherProgramTeam = (await ladder(admin, 'NV'))[0]!;
      const create = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(CREATE_TEAM, {
          input: { programKey: 'HX', name: 'Another WIPT', tier: 'WIPT', ...input },
        });
      const before = await eventCount();

      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ tier: 'OIPT', parentTeamId: byTier('IIPT').id }, 'parentTeamId', /no parent/],
        [{ tier: 'OIPT', name: 'Second OIPT' }, 'tier', /already has an active OIPT/],
        [{ parentTeamId: byTier('WIPT').id }, 'parentTeamId', /higher tier/],
        [{ tier: 'IIPT', parentTeamId: byTier('IIPT').id }, 'parentTeamId', /higher tier/],
        [{ tier: 'IIPT', parentTeamId: byTier('WIPT').id }, 'parentTeamId', /higher tier/],
        [{ parentTeamId: otherProgramTeam.id }, 'parentTeamId', /no team/],
        [{ parentTeamId: 'no-such-team' }, 'parentTeamId', /no team/],
        [{ name: '  ' }, 'name', /must not be empty/],
      ];
      for (const [input, field, message] of cases) {
        const error = await create(pm, input);
        expect({ input, code: error.extensions.code, field: error.extensions['field'] }).toEqual({
          input,
          code: 'BAD_USER_INPUT',
          field,
        });
        expect(error.message).toMatch(message);
      }
      expectError(await create(pm, { tier: 'TIGER' }), 'BAD_USER_INPUT');
      expectError(await create(pm, { name: 'radio hardware wipt' }), 'CONFLICT', {
        field: 'name',
      });
      expectError(await create(engineering, {}), 'FORBIDDEN');
      expectError(await create(outsider, {}), 'FORBIDDEN');
      expectError(await create(pm, { programKey: 'QQ' }), 'FORBIDDEN');

      expect(await eventCount()).toBe(before);
      expect(await ladder(pm)).toHaveLength(teams.length);
    });
  });

  describe('updateTeam', () => {
    it('renames a team, rewrites its charter and moves it under another parent', async () => {
      const team = (
        await pm.ok<{ createTeam: TeamView }>(CREATE_TEAM, {
          input: { programKey: 'HX', name: 'Antenna WIPT', tier: 'WIPT' },
        })
      ).createTeam;
      expect(team.parentTeam).toBeNull();
      const oipt = await teamNamed(pm, 'HX Overarching IPT');
      const updated = (
        await pm.ok<{ updateTeam: TeamView }>(UPDATE_TEAM, {
          input: {
            teamId: team.id,
            version: team.version,
            name: 'Antenna & RF WIPT',
            charter: 'Antennas and the RF front end.',
            parentTeamId: oipt.id,
          },
        })
      ).updateTeam;
      expect(updated).toMatchObject({
        name: 'Antenna & RF WIPT',
        charter: 'Antennas and the RF front end.',
        parentTeam: { id: oipt.id },
        version: 2,
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'TEAM_UPDATED',
        entityId: team.id,
        before: { name: 'Antenna WIPT', charter: '', parentTeamId: null, version: 1 },
        after: { name: 'Antenna & RF WIPT', parentTeamId: oipt.id, version: 2 },
      });

      // Left out keeps the parent; an explicit null removes it.
      const renamed = (
        await pm.ok<{ updateTeam: TeamView }>(UPDATE_TEAM, {
          input: { teamId: team.id, version: 2, name: 'RF WIPT' },
        })
      ).updateTeam;
      expect(renamed).toMatchObject({ name: 'RF WIPT', parentTeam: { id: oipt.id }, version: 3 });
      const detached = (
        await pm.ok<{ updateTeam: TeamView }>(UPDATE_TEAM, {
          input: { teamId: team.id, version: 3, parentTeamId: null },
        })
      ).updateTeam;
      expect(detached).toMatchObject({ parentTeam: null, version: 4 });
    });

    it('deactivates a team with no open issues and no active children, and reactivates it', async () => {
      const team = await teamNamed(pm, 'Software WIPT');
      const off = (
        await pm.ok<{ updateTeam: TeamView }>(UPDATE_TEAM, {
          input: { teamId: team.id, version: team.version, active: false },
        })
      ).updateTeam;
      expect(off).toMatchObject({ active: false, version: team.version + 1 });
      expect(await lastEvent(app)).toMatchObject({
        type: 'TEAM_UPDATED',
        before: { active: true },
        after: { active: false },
      });
      expect(
        (
          await pm.fails(ADD_MEMBER, {
            input: {
              teamId: team.id,
              userId: id('engineering@example.com'),
              discipline: 'engineering',
              role: 'CORE',
            },
          })
        ).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
      const on = (
        await pm.ok<{ updateTeam: TeamView }>(UPDATE_TEAM, {
          input: { teamId: team.id, version: off.version, active: true },
        })
      ).updateTeam;
      expect(on).toMatchObject({ active: true, version: off.version + 1 });
    });

    it('refuses a stale version, breaking the ladder, hiding live work, representatives; unknown teams are not found', async () => {
      const teams = await ladder(pm);
      const named = (name: string) => teams.find((t) => t.name === name)!;
      const iipt = named('HX Integrating IPT');
      const hardware = named(HARDWARE_WIPT);
      await raiseOn(engineering, HARDWARE_WIPT, 'Connector corrosion after salt fog');
      const update = (client: ApiClient, team: TeamView, input: Record<string, unknown>) =>
        client.fails(UPDATE_TEAM, {
          input: { teamId: team.id, version: team.version, ...input },
        });
      const before = await eventCount();

      expectError(await update(pm, iipt, { version: iipt.version + 5, name: 'x' }), 'CONFLICT', {
        currentVersion: iipt.version,
      });
      expectError(await update(pm, iipt, { parentTeamId: hardware.id }), 'BAD_USER_INPUT', {
        field: 'parentTeamId',
      });
      expectError(await update(pm, iipt, { parentTeamId: iipt.id }), 'BAD_USER_INPUT', {
        field: 'parentTeamId',
      });
      expectError(await update(pm, iipt, { name: 'Radio Hardware WIPT' }), 'CONFLICT', {
        field: 'name',
      });
      const parentOfActive = await update(pm, iipt, { active: false });
      expectError(parentOfActive, 'CONFLICT', { field: 'active' });
      expect(parentOfActive.message).toMatch(/parent of active teams/);
      const holdsIssues = await update(pm, hardware, { active: false });
      expectError(holdsIssues, 'CONFLICT', { field: 'active' });
      expect(holdsIssues.message).toMatch(/open issue/);
      expectError(await update(engineering, hardware, { name: 'Mine' }), 'FORBIDDEN');
      expectError(await update(outsider, hardware, { name: 'Mine' }), 'FORBIDDEN');
      expectError(
        await pm.fails(UPDATE_TEAM, { input: { teamId: 'no-such-team', version: 1, name: 'x' } }),
        'FORBIDDEN',
      );

      expect(await eventCount()).toBe(before);
      expect(await ladder(pm)).toEqual(teams);
    });
  });

  describe('memberships', () => {
    it('adds a new person to a team, which makes them a member of the program', async () => {
      const person = await createAccount(admin, 'newrep');
      const rep = await signIn(person.email, person.password);
      expect(await rep.ok(`{ programs { key } }`)).toEqual({ programs: [] });
      const team = await teamNamed(pm, 'Software WIPT');
      const before = await eventCount();

      const membership = (
        await pm.ok<{ addMember: MembershipView }>(ADD_MEMBER, {
          input: {
            teamId: team.id,
            userId: person.id,
            discipline: 'human-factors',
            role: 'CORE',
          },
        })
      ).addMember;
      expect(membership).toMatchObject({
        discipline: 'human-factors',
        role: 'CORE',
        decisionAuthority: false,
        user: { email: person.email },
        team: { id: team.id, name: 'Software WIPT' },
      });
      expect(await rep.ok(`{ programs { key myRole } }`)).toEqual({
        programs: [{ key: 'HX', myRole: 'MEMBER' }],
      });
      expect((await teamNamed(pm, 'Software WIPT')).members).toContainEqual({
        id: membership.id,
        discipline: 'human-factors',
        role: 'CORE',
        decisionAuthority: false,
        user: { email: person.email },
      });
      const added = (await storedEvents(app)).slice(before);
      expect(added.map((e) => e.type)).toEqual(['MEMBER_ADDED', 'PROGRAM_ROLE_SET']);
      expect(added[0]).toMatchObject({
        entityType: 'Membership',
        entityId: membership.id,
        actorId: id('pm@example.com'),
        after: { user: person.email, team: 'Software WIPT', discipline: 'human-factors' },
      });
      expect(added[1]).toMatchObject({ after: { userId: person.id, role: 'MEMBER' } });
      ids.set(person.email, person.id);
    });

    it('keeps a program manager’s role when they join a team', async () => {
      const team = await teamNamed(pm, 'Software WIPT');
      const before = await eventCount();
      await pm.ok(ADD_MEMBER, {
        input: {
          teamId: team.id,
          userId: id('pm@example.com'),
          discipline: 'program-management',
          role: 'LEAD',
          decisionAuthority: true,
        },
      });
      expect((await storedEvents(app)).slice(before).map((e) => e.type)).toEqual(['MEMBER_ADDED']);
      expect((await readProgram(pm)).myRole).toBe('PROGRAM_MANAGER');
    });

    it('changes a member’s discipline, role and decision authority', async () => {
      const team = await teamNamed(pm, 'Software WIPT');
      const member = team.members.find((m) => m.user.email === 'newrep@example.org')!;
      const updated = (
        await pm.ok<{ updateMember: MembershipView }>(UPDATE_MEMBER, {
          input: { membershipId: member.id, discipline: 'engineering', role: 'LEAD' },
        })
      ).updateMember;
      expect(updated).toMatchObject({
        discipline: 'engineering',
        role: 'LEAD',
        decisionAuthority: false,
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'MEMBER_UPDATED',
        entityId: member.id,
        before: { discipline: 'human-factors', role: 'CORE', decisionAuthority: false },
        after: { discipline: 'engineering', role: 'LEAD', decisionAuthority: false },
      });
      const authority = (
        await admin.ok<{ updateMember: MembershipView }>(UPDATE_MEMBER, {
          input: { membershipId: member.id, decisionAuthority: true },
        })
      ).updateMember;
      expect(authority).toMatchObject({
        discipline: 'engineering',
        role: 'LEAD',
        decisionAuthority: true,
      });
    });

    it('refuses duplicates, unknown disciplines, people and teams, inactive accounts, and representatives', async () => {
      const team = await teamNamed(pm, 'Software WIPT');
      const member = team.members.find((m) => m.user.email === 'newrep@example.org')!;
      const inactive = await createAccount(admin, 'gone');
      await admin.ok(DEACTIVATE_USER, { input: { userId: inactive.id } });
      const add = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(ADD_MEMBER, {
          input: {
            teamId: team.id,
            userId: id('test@example.com'),
            discipline: 'test',
            role: 'CORE',
            ...input,
          },
        });
      const before = await eventCount();

      const duplicate = await add(pm, { userId: id('newrep@example.org') });
      expectError(duplicate, 'CONFLICT', { field: 'userId' });
      expect(duplicate.message).toMatch(/already on Software WIPT/);
      const discipline = await add(pm, { discipline: 'astrology' });
      expectError(discipline, 'BAD_USER_INPUT', { field: 'discipline' });
      expect(discipline.message).toMatch(/engineering/);
      expectError(await add(pm, { userId: 'no-such-user' }), 'BAD_USER_INPUT', {
        field: 'userId',
      });
      expectError(await add(pm, { userId: inactive.id }), 'BAD_USER_INPUT', { field: 'userId' });
      expectError(await add(pm, { role: 'CAPTAIN' }), 'BAD_USER_INPUT');
      expectError(await add(pm, { teamId: 'no-such-team' }), 'FORBIDDEN');
      expectError(await add(engineering, {}), 'FORBIDDEN');
      expectError(await add(outsider, {}), 'FORBIDDEN');

      const update = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(UPDATE_MEMBER, { input: { membershipId: member.id, ...input } });
      expectError(await update(pm, { discipline: 'astrology' }), 'BAD_USER_INPUT', {
        field: 'discipline',
      });
      expectError(await update(engineering, { role: 'CORE' }), 'FORBIDDEN');
      expectError(await update(pm, { membershipId: 'no-such-membership' }), 'FORBIDDEN');
      expectError(await update(admin, { membershipId: 'no-such-membership' }), 'NOT_FOUND');

      expectError(
        await engineering.fails(REMOVE_MEMBER, { input: { membershipId: member.id } }),
        'FORBIDDEN',
      );
      expect(await eventCount()).toBe(before);
    });

    it('removes a member, who keeps their program role', async () => {
      const team = await teamNamed(pm, 'Software WIPT');
      const member = team.members.find((m) => m.user.email === 'newrep@example.org')!;
      const removed = (
        await pm.ok<{ removeMember: MembershipView }>(REMOVE_MEMBER, {
          input: { membershipId: member.id },
        })
      ).removeMember;
      expect(removed).toMatchObject({ id: member.id, user: { email: 'newrep@example.org' } });
      expect((await teamNamed(pm, 'Software WIPT')).members.map((m) => m.id)).not.toContain(
        member.id,
      );
      expect(await lastEvent(app)).toMatchObject({
        type: 'MEMBER_REMOVED',
        entityId: member.id,
        before: { user: 'newrep@example.org', discipline: 'engineering', role: 'LEAD' },
        after: null,
      });
      expect((await readProgram(pm)).roles).toContainEqual({
        role: 'MEMBER',
        user: { email: 'newrep@example.org' },
      });
      expectError(
        await pm.fails(REMOVE_MEMBER, { input: { membershipId: member.id } }),
        'FORBIDDEN',
      );
    });
  });

  describe('accounts', () => {
    it('lists every account to system admins only, never a password hash', async () => {
      const users = (await admin.ok<{ users: UserView[] }>(USERS)).users;
      expect(users.map((u) => u.email)).toEqual(
        expect.arrayContaining(['admin@example.com', 'pm@example.com', 'outsider@example.org']),
      );
      expect(users.find((u) => u.email === 'admin@example.com')).toMatchObject({
        isSystemAdmin: true,
        active: true,
      });
      const names = users.map((u) => u.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expectError(await pm.fails(USERS), 'FORBIDDEN', { requiredRole: 'system admin' });
      expectError(await app.client().fails(USERS), 'UNAUTHENTICATED');
      expect((await admin.fails(`{ users { passwordHash } }`)).extensions.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    });

    it('lets a system admin create an account that can sign in', async () => {
      const user = (
        await admin.ok<{ createUser: UserView }>(CREATE_USER, {
          input: {
            email: ' Second.Admin@Example.org ',
            name: 'Sam Second',
            password: 'second-admin-pass',
            isSystemAdmin: true,
          },
        })
      ).createUser;
      expect(user).toMatchObject({
        email: 'second.admin@example.org',
        name: 'Sam Second',
        active: true,
        isSystemAdmin: true,
      });
      expect(await lastEvent(app)).toMatchObject({
        type: 'USER_CREATED',
        entityId: user.id,
        actorId: id('admin@example.com'),
        after: { email: 'second.admin@example.org', isSystemAdmin: true },
      });
      const second = await signIn('second.admin@example.org', 'second-admin-pass');
      expect((await second.ok<{ users: UserView[] }>(USERS)).users.length).toBeGreaterThan(9);
    });

    it('refuses creating accounts to anyone but system admins, and bad or taken e-mails and short passwords', async () => {
      const create = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(CREATE_USER, {
          input: { email: 'x@example.org', name: 'X', password: 'long-enough-1', ...input },
        });
      const before = await eventCount();
      expectError(await create(pm, {}), 'FORBIDDEN', { requiredRole: 'system admin' });
      expectError(await create(admin, { email: 'not-an-email' }), 'BAD_USER_INPUT', {
        field: 'email',
      });
      expectError(await create(admin, { name: ' ' }), 'BAD_USER_INPUT', { field: 'name' });
      expectError(await create(admin, { password: 'short' }), 'BAD_USER_INPUT', {
        field: 'password',
      });
      expectError(await create(admin, { email: 'PM@example.com' }), 'CONFLICT', {
        field: 'email',
      });
      expect(await eventCount()).toBe(before);
    });

    it('deactivates an account: its sessions stop working, it cannot sign in, and it can be reactivated', async () => {
      const person = await createAccount(admin, 'leaver');
      const session = await signIn(person.email, person.password);
      const other = await signIn(person.email, person.password);
      expect(await session.ok(ME)).toMatchObject({ me: { email: person.email } });

      const deactivated = (
        await admin.ok<{ deactivateUser: UserView }>(DEACTIVATE_USER, {
          input: { userId: person.id },
        })
      ).deactivateUser;
      expect(deactivated).toMatchObject({ id: person.id, active: false });
      for (const client of [session, other]) {
        expectError(await client.fails(ME), 'UNAUTHENTICATED');
      }
      const signInAgain = await app
        .client()
        .fails(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
          e: person.email,
          p: person.password,
        });
      expectError(signInAgain, 'UNAUTHENTICATED');
      expect(signInAgain.message).toMatch(/deactivated/);
      expect(await lastEvent(app)).toMatchObject({
        type: 'USER_DEACTIVATED',
        entityId: person.id,
        actorId: id('admin@example.com'),
        before: { active: true },
        after: { active: false, sessionsEnded: 2 },
      });
      const sessions = await testDatabase(app).query<{ revoked_at: string | null }>(
        'SELECT revoked_at FROM sessions WHERE user_id = ?',
        [person.id],
      );
      expect(sessions).toEqual([
        { revoked_at: app.clock.now().toISOString() },
        { revoked_at: app.clock.now().toISOString() },
      ]);

      // Deactivating again changes nothing.
      const before = await eventCount();
      await admin.ok(DEACTIVATE_USER, { input: { userId: person.id } });
      expect(await eventCount()).toBe(before);

      const reactivated = (
        await admin.ok<{ reactivateUser: UserView }>(REACTIVATE_USER, {
          input: { userId: person.id },
        })
      ).reactivateUser;
      expect(reactivated.active).toBe(true);
      expect(await lastEvent(app)).toMatchObject({
        type: 'USER_REACTIVATED',
        entityId: person.id,
        after: { active: true },
      });
      // The old sessions stay ended; signing in works again.
      expectError(await session.fails(ME), 'UNAUTHENTICATED');
      const back = await signIn(person.email, person.password);
      expect(await back.ok(ME)).toMatchObject({ me: { email: person.email } });
    });

    it('refuses deactivating yourself, unknown accounts, and anyone but system admins', async () => {
      const before = await eventCount();
      const self = await admin.fails(DEACTIVATE_USER, {
        input: { userId: id('admin@example.com') },
      });
      expectError(self, 'BAD_USER_INPUT', { field: 'userId' });
      expect(self.message).toMatch(/your own account/);
      expectError(
        await admin.fails(DEACTIVATE_USER, { input: { userId: 'no-such-user' } }),
        'NOT_FOUND',
      );
      expectError(
        await pm.fails(DEACTIVATE_USER, { input: { userId: id('engineering@example.com') } }),
        'FORBIDDEN',
      );
      expectError(
        await pm.fails(REACTIVATE_USER, { input: { userId: id('engineering@example.com') } }),
        'FORBIDDEN',
      );
      expectError(
        await admin.fails(REACTIVATE_USER, { input: { userId: 'no-such-user' } }),
        'NOT_FOUND',
      );
      expect(await eventCount()).toBe(before);
      expect(await engineering.ok(ME)).toMatchObject({ me: { email: 'engineering@example.com' } });
    });

    it('resets a password: every session of that person ends, and only the new password signs in', async () => {
      const person = await createAccount(admin, 'forgetful');
      const session = await signIn(person.email, person.password);
      const reset = (
        await admin.ok<{ resetPassword: UserView }>(RESET_PASSWORD, {
          input: { userId: person.id, newPassword: 'brand-new-secret' },
        })
      ).resetPassword;
      expect(reset).toMatchObject({ id: person.id, active: true });
      expectError(await session.fails(ME), 'UNAUTHENTICATED');
      expectError(
        await app
          .client()
          .fails(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
            e: person.email,
            p: person.password,
          }),
        'UNAUTHENTICATED',
      );
      const again = await signIn(person.email, 'brand-new-secret');
      expect(await again.ok(ME)).toMatchObject({ me: { email: person.email } });
      const event = (await storedEvents(app, 'PASSWORD_RESET')).at(-1);
      expect(event).toMatchObject({
        entityId: person.id,
        actorId: id('admin@example.com'),
        after: { email: person.email, sessionsEnded: 1 },
      });
      expect(JSON.stringify(event)).not.toMatch(/argon2|brand-new-secret/);
    });

    it('refuses resetting with a short password, your own, an unknown account, or without being a system admin', async () => {
      const reset = (client: ApiClient, input: Record<string, unknown>) =>
        client.fails(RESET_PASSWORD, {
          input: { userId: id('engineering@example.com'), newPassword: 'long-enough-2', ...input },
        });
      const before = await eventCount();
      expectError(await reset(admin, { newPassword: 'short' }), 'BAD_USER_INPUT', {
        field: 'newPassword',
      });
      const own = await reset(admin, { userId: id('admin@example.com') });
      expectError(own, 'BAD_USER_INPUT', { field: 'userId' });
      expect(own.message).toMatch(/changePassword/);
      expectError(await reset(admin, { userId: 'no-such-user' }), 'NOT_FOUND');
      expectError(await reset(pm, {}), 'FORBIDDEN');
      expect(await eventCount()).toBe(before);
      expect(await engineering.ok(ME)).toMatchObject({ me: { email: 'engineering@example.com' } });
    });

    it('changes your own password: this session stays, your other sessions end', async () => {
      const person = await createAccount(admin, 'mover');
      const here = await signIn(person.email, person.password);
      const elsewhere = await signIn(person.email, person.password);
      const changed = (
        await here.ok<{ changePassword: UserView }>(CHANGE_PASSWORD, {
          input: { currentPassword: person.password, newPassword: 'moved-on-password' },
        })
      ).changePassword;
      expect(changed.email).toBe(person.email);
      expect(await here.ok(ME)).toMatchObject({ me: { email: person.email } });
      expectError(await elsewhere.fails(ME), 'UNAUTHENTICATED');
      const fresh = await signIn(person.email, 'moved-on-password');
      expect(await fresh.ok(ME)).toMatchObject({ me: { email: person.email } });
      const event = (await storedEvents(app, 'PASSWORD_CHANGED')).at(-1);
      expect(event).toMatchObject({
        entityId: person.id,
        actorId: person.id,
        after: { email: person.email, sessionsEnded: 1 },
      });
      expect(JSON.stringify(event)).not.toMatch(/argon2|moved-on-password/);
    });

    it('refuses a wrong current password, a short or unchanged new one, and anonymous callers', async () => {
      const person = await createAccount(admin, 'careful');
      const client = await signIn(person.email, person.password);
      const change = (input: Record<string, unknown>, as = client) =>
        as.fails(CHANGE_PASSWORD, {
          input: { currentPassword: person.password, newPassword: 'another-password', ...input },
        });
      const before = await eventCount();
      const wrong = await change({ currentPassword: 'not-my-password' });
      expectError(wrong, 'BAD_USER_INPUT', { field: 'currentPassword' });
      expect(wrong.message).toMatch(/current password is not correct/);
      expectError(await change({ newPassword: 'short' }), 'BAD_USER_INPUT', {
        field: 'newPassword',
      });
      expectError(await change({ newPassword: person.password }), 'BAD_USER_INPUT', {
        field: 'newPassword',
      });
      expectError(await change({}, app.client()), 'UNAUTHENTICATED');
      expect(await eventCount()).toBe(before);
      await signIn(person.email, person.password);
    });
  });

  describe('the record', () => {
    it('keeps the event chain intact through every change above', async () => {
      const types = new Set((await storedEvents(app)).map((e) => e.type));
      for (const type of [
        'PROGRAM_CREATED',
        'PROGRAM_UPDATED',
        'DISCIPLINE_ADDED',
        'PROGRAM_ROLE_SET',
        'PROGRAM_ROLE_REMOVED',
        'TEAM_CREATED',
        'TEAM_UPDATED',
        'MEMBER_ADDED',
        'MEMBER_UPDATED',
        'MEMBER_REMOVED',
        'USER_CREATED',
        'USER_DEACTIVATED',
        'USER_REACTIVATED',
        'PASSWORD_RESET',
        'PASSWORD_CHANGED',
      ]) {
        expect({ type, recorded: types.has(type) }).toEqual({ type, recorded: true });
      }
      expect(await firstBrokenEvent(app)).toBeNull();
    });
  });
});

/** The entries of `from` named by the keys of `like`, to compare only what a test states. */
function pick(from: Record<string, unknown>, like: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(like).map((key) => [key, from[key]]));
}

describe('the last active system admin', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('is kept even when two admins deactivate each other at once', async () => {
    // Two admins each start deactivating the other; the second write, still carrying its
    // caller as read when the request began, would leave no active admin and is refused.
    const admin = await app.as('admin@example.com');
    const second = await createAccount(admin, 'second-admin', true);
    const secondClient = app.client();
    await secondClient.login(second.email, second.password);
    const first = await app.running.app
      .get(DatabaseService)
      .reader.findOneByOrFail(UserEntity, { email: 'admin@example.com' });

    await secondClient.ok(DEACTIVATE_USER, { input: { userId: first.id } });
    const before = (await storedEvents(app)).length;
    const refusal = app.running.app
      .get(AccountAdministrationService)
      .deactivate({ user: first, at: app.clock.now() }, { userId: second.id });
    await expect(refusal).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/last active system admin/),
    });
    expect((await storedEvents(app)).length).toBe(before);
    expect(await secondClient.ok(ME)).toMatchObject({ me: { email: second.email } });
  });
});

// The floors `npm run bench:http` measures the product against (started by bench-http.mjs as a
// child process; binds 127.0.0.1 on an ephemeral port and prints "listening <port>"):
//   bare: node:http answering each read with the product's own captured response bytes;
//   sql:  node:http + better-sqlite3 computing the same JSON with hand-written SQL (prepared
//         statements, a read-only connection as the product reads), plus the raw durable write:
//         a comment row and its hash-chained event row in one BEGIN IMMEDIATE transaction on a
//         writer connection with the product's PRAGMAs (WAL, synchronous as configured).
// Neither floor checks a session: the user of each path is fixed by the configuration.
// Pure rules (stage clocks, forecast, coverage, permissions) come from libs/domain, as in the
// product: the floor measures what the framework, ORM and resolvers cost on top of the SQL.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(process.env.FLOOR_CONFIG_FILE, 'utf8'));
// better-sqlite3 and @ipt/domain as the product under test resolves them.
const require = createRequire(
  join(config.productRoot ?? join(import.meta.dirname, '../..'), 'package.json'),
);

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function listen(handle) {
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const payload = body.length ? JSON.parse(body.toString('utf8')) : {};
      const name = request.url.slice(1);
      const out = await handle(name, payload);
      if (out === undefined) {
        response.writeHead(404).end();
        return;
      }
      const bytes = typeof out === 'string' || Buffer.isBuffer(out) ? out : JSON.stringify(out);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(bytes),
      });
      response.end(bytes);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.stack ?? error));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

if (config.mode === 'bare') {
  const captured = new Map(
    Object.entries(config.captured).map(([name, text]) => [name, Buffer.from(text, 'utf8')]),
  );
  listen((name) => captured.get(name));
} else {
  const Database = require('better-sqlite3');
  const domain = require('@ipt/domain');
  const reader = new Database(config.database, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  const writer = new Database(config.database);
  writer.pragma('journal_mode = WAL');
  writer.pragma('busy_timeout = 5000');
  writer.pragma(`synchronous = ${config.synchronous ?? 'FULL'}`);
  const sql = createFloor(reader, writer, domain);
  listen((name, payload) => sql(name, payload));
}

function createFloor(db, writer, domain) {
  const {
    DAY_MS,
    FORECAST_HISTORY_DAYS,
    authorize,
    availableCommands,
    disciplineCoverage,
    forecastDecisions,
    stageClocks,
    stageOfStatus,
  } = domain;
  const prepared = new Map();
  const q = (text) => {
    let statement = prepared.get(text);
    if (!statement) prepared.set(text, (statement = db.prepare(text)));
    return statement;
  };
  const bool = (value) => value === 1 || value === true;
  const ms = (text) => (text === null ? null : Date.parse(text));
  const iso = (instant) => (instant === null ? null : new Date(instant).toISOString());

  /** Per-request caches of users and teams by id (the product's dataloaders do the same). */
  function scope() {
    const users = new Map();
    const teams = new Map();
    return {
      user(id) {
        if (id === null) return null;
        let user = users.get(id);
        if (!user) users.set(id, (user = q('SELECT id, name FROM users WHERE id = ?').get(id)));
        return user ? { id: user.id, name: user.name } : null;
      },
      team(id) {
        let team = teams.get(id);
        if (!team)
          teams.set(
            id,
            (team = q('SELECT id, name, tier, parent_team_id FROM teams WHERE id = ?').get(id)),
          );
        return team;
      },
    };
  }
  const teamOut = (team) => ({ id: team.id, name: team.name, tier: team.tier });

  function actorFor(userId, programId) {
    const user = q('SELECT id, is_system_admin FROM users WHERE id = ?').get(userId);
    const role = q('SELECT role FROM program_roles WHERE program_id = ? AND user_id = ?').get(
      programId,
      userId,
    );
    const memberships = q(
      `SELECT m.team_id, m.discipline, m.role, m.decision_authority FROM memberships m
       JOIN teams t ON t.id = m.team_id
       WHERE m.user_id = ? AND t.program_id = ? AND t.active = 1`,
    ).all(userId, programId);
    return {
      userId,
      isSystemAdmin: bool(user.is_system_admin),
      programRole: role?.role ?? (memberships.length > 0 ? 'MEMBER' : null),
      memberships: memberships.map((m) => ({
        teamId: m.team_id,
        discipline: m.discipline,
        role: m.role,
        decisionAuthority: bool(m.decision_authority),
      })),
    };
  }
  function viewProgram(key, userId) {
    const program = q('SELECT * FROM programs WHERE key = ?').get(key);
    const actor = actorFor(userId, program.id);
    if (!authorize(actor, { action: 'VIEW_PROGRAM' }).allowed) throw new Error('FORBIDDEN');
    return { program, actor };
  }

  function clockFacts(issue) {
    return {
      status: issue.status,
      consequence: issue.consequence,
      raisedAt: ms(issue.raised_at),
      tierEnteredAt: ms(issue.tier_entered_at ?? issue.raised_at),
      triagedAt: ms(issue.triaged_at),
      readyAt: ms(issue.ready_at),
      decidedAt: ms(issue.decided_at),
      resolvedAt: ms(issue.resolved_at),
      closedAt: ms(issue.closed_at),
      withdrawnAt: ms(issue.withdrawn_at),
      due: {
        TRIAGE: ms(issue.triage_due_at),
        RECOMMENDATIONS: ms(issue.recommendations_due_at),
        DECISION: ms(issue.decision_due_at),
        RESOLUTION: ms(issue.resolution_due_at),
      },
      manualDueStages: JSON.parse(issue.manual_due_stages),
    };
  }
  const currentStageDueAt = (issue) =>
    ({
      TRIAGE: issue.triage_due_at,
      RECOMMENDATIONS: issue.recommendations_due_at,
      DECISION: issue.decision_due_at,
      RESOLUTION: issue.resolution_due_at,
    })[stageOfStatus(issue.status)] ?? null;

  function clocksOf(issue, now) {
    return stageClocks(clockFacts(issue), now).map((clock) => ({
      stage: clock.stage,
      state: clock.state,
      startedAt: iso(clock.startedAt),
      dueAt: iso(clock.dueAt),
      dueSource: clock.dueSource,
      finishedAt: iso(clock.finishedAt),
      elapsedDays: clock.elapsedMs / DAY_MS,
      lateByDays: clock.lateByMs / DAY_MS,
    }));
  }

  /** The decision forecast of an issue awaiting one (program history read once per request). */
  function forecaster(now) {
    const byProgram = new Map();
    return (issue) => {
      if (issue.status !== 'AWAITING_DECISION' || issue.ready_at === null) return null;
      let basis = byProgram.get(issue.program_id);
      if (!basis) {
        const decisions = q(
          `SELECT issue_id, team_id, tier, decided_by_id, ready_at, decided_at, due_at, superseded_at
           FROM decisions WHERE program_id = ? AND decided_at >= ? AND decided_at <= ?`,
        )
          .raw()
          .all(
            issue.program_id,
            new Date(Math.max(0, now - FORECAST_HISTORY_DAYS * DAY_MS)).toISOString(),
            new Date(now).toISOString(),
          )
          .map((row) => ({
            issueId: row[0],
            teamId: row[1],
            tier: row[2],
            decidedById: row[3],
            readyAt: ms(row[4]),
            decidedAt: ms(row[5]),
            dueAt: ms(row[6]),
            superseded: row[7] !== null && ms(row[7]) <= now,
          }));
        const teams = new Map(
          q('SELECT id, name FROM teams WHERE program_id = ?')
            .all(issue.program_id)
            .map((t) => [t.id, t.name]),
        );
        byProgram.set(issue.program_id, (basis = { decisions, teams }));
      }
      const waiting = {
        ...clockFacts(issue),
        id: issue.id,
        key: issue.key,
        title: issue.title,
        teamId: issue.current_team_id,
        tier: issue.current_tier,
        requiredDisciplines: [],
        pendingDisciplines: [],
      };
      const [f] = forecastDecisions([waiting], basis.decisions, {}, now);
      if (!f) return null;
      const team = basis.teams.get(f.teamId) ?? 'Unknown team';
      return {
        p50At: iso(f.p50At),
        p90At: iso(f.p90At),
        basis: f.basis,
        basisLabel: {
          AUTHORITY: `${f.basisCount} past decisions of ${team}`,
          TIER: `${f.basisCount} past ${f.tier} decisions (too few of ${team})`,
          PROGRAM: `${f.basisCount} past decisions across the program (too few of ${team} or ${f.tier})`,
          NONE: 'Too few past decisions to forecast from',
        }[f.basis],
        basisCount: f.basisCount,
        dueAt: iso(f.dueAt),
      };
    };
  }

  /** The rows of an issue the issue page, inbox and queue read (each one statement). */
  function parts(issueId) {
    const memo = {};
    const once = (key, load) => (memo[key] ??= load());
    return {
      required: () =>
        once('required', () =>
          q(
            'SELECT discipline FROM issue_required_disciplines WHERE issue_id = ? ORDER BY position',
          )
            .pluck()
            .all(issueId),
        ),
      options: () =>
        once('options', () =>
          q('SELECT * FROM options WHERE issue_id = ? ORDER BY label').all(issueId),
        ),
      recommendations: () =>
        once('recommendations', () =>
          q('SELECT * FROM recommendations WHERE issue_id = ? ORDER BY submitted_at').all(issueId),
        ),
      waivers: () =>
        once('waivers', () =>
          q('SELECT * FROM waivers WHERE issue_id = ? ORDER BY waived_at').all(issueId),
        ),
      decisions: () =>
        once('decisions', () =>
          q('SELECT * FROM decisions WHERE issue_id = ? ORDER BY decided_at').all(issueId),
        ),
      actionItems: () =>
        once('actionItems', () =>
          q('SELECT * FROM action_items WHERE issue_id = ? ORDER BY due_at').all(issueId),
        ),
    };
  }

  const PERMISSION_OF = {
    TRIAGE: 'TRIAGE_ISSUE',
    UPDATE: 'UPDATE_ISSUE',
    ADD_OPTION: 'ADD_OPTION',
    WAIVE_DISCIPLINE: 'WAIVE_DISCIPLINE',
    RECORD_DECISION: 'RECORD_DECISION',
    ESCALATE: 'ESCALATE_ISSUE',
    RESOLVE: 'RESOLVE_ISSUE',
    CLOSE: 'CLOSE_ISSUE',
    WITHDRAW: 'WITHDRAW_ISSUE',
    COMMENT: 'COMMENT',
    FILE_NON_CONCURRENCE: 'FILE_NON_CONCURRENCE',
  };
  function viewerActions(issue, part, actor, ctx) {
    const decisions = part.decisions();
    const current = decisions.find((d) => d.superseded_at === null);
    const state = {
      status: issue.status,
      tier: issue.current_tier,
      hasParentTeam: ctx.team(issue.current_team_id)?.parent_team_id != null,
      requiredDisciplines: part.required(),
      recommendedDisciplines: part
        .recommendations()
        .filter((r) => r.superseded_at === null)
        .map((r) => r.discipline),
      waivedDisciplines: part.waivers().map((w) => w.discipline),
      optionCount: part.options().length,
      openActionItems: part
        .actionItems()
        .filter((a) => a.done_at === null && a.decision_id === current?.id).length,
    };
    const scopeOf = { currentTeamId: issue.current_team_id, ownerId: issue.owner_id };
    return availableCommands(state).filter((command) => {
      if (command === 'SUBMIT_RECOMMENDATION')
        return state.requiredDisciplines.some(
          (discipline) =>
            authorize(actor, { action: 'SUBMIT_RECOMMENDATION', issue: scopeOf, discipline })
              .allowed,
        );
      if (command === 'COMPLETE_ACTION_ITEM') return false;
      const action = PERMISSION_OF[command];
      return action !== undefined && authorize(actor, { action, issue: scopeOf }).allowed;
    });
  }

  function coverageOf(part, recommendationOut, waiverOut) {
    return disciplineCoverage(
      part.required(),
      part.recommendations().map((r) => ({ ...r, supersededAt: r.superseded_at })),
      part.waivers(),
    ).map((entry) => ({
      discipline: entry.discipline,
      state: entry.state,
      recommendation: entry.recommendation ? recommendationOut(entry.recommendation) : null,
      waiver: entry.waiver ? waiverOut(entry.waiver) : null,
    }));
  }

  function tracker({ programKey, first }, userId) {
    const { program } = viewProgram(programKey, userId);
    const now = Date.now();
    const totalCount = q('SELECT count(*) FROM issues WHERE program_id = ?')
      .pluck()
      .get(program.id);
    const rows = q(
      `SELECT i.id, i.key, i.number, i.title, i.status, i.consequence, i.raised_at,
              i.triage_due_at, i.recommendations_due_at, i.decision_due_at, i.resolution_due_at,
              i.owner_id, u.name AS owner_name, t.id AS team_id, t.name AS team_name, t.tier AS team_tier
       FROM issues i JOIN teams t ON t.id = i.current_team_id LEFT JOIN users u ON u.id = i.owner_id
       WHERE i.program_id = ? ORDER BY i.raised_at DESC, i.id DESC LIMIT ?`,
    ).all(program.id, first + 1);
    // The tracker asks for rows by position in an order, with the count; no cursors.
    const page = rows.slice(0, first);
    return {
      data: {
        issues: {
          totalCount,
          edges: page.map((row) => {
            const due = currentStageDueAt(row);
            return {
              node: {
                id: row.id,
                key: row.key,
                number: row.number,
                title: row.title,
                status: row.status,
                consequence: row.consequence,
                raisedAt: row.raised_at,
                currentStage: stageOfStatus(row.status),
                currentStageDueAt: due,
                currentStageOverdue: due !== null && Date.parse(due) < now,
                owner: row.owner_id ? { id: row.owner_id, name: row.owner_name } : null,
                currentTeam: { id: row.team_id, name: row.team_name, tier: row.team_tier },
              },
            };
          }),
        },
      },
    };
  }

  function decisionLog({ programKey, first }, userId) {
    const { program } = viewProgram(programKey, userId);
    const totalCount = q('SELECT count(*) FROM decisions WHERE program_id = ?')
      .pluck()
      .get(program.id);
    const rows = q(
      `SELECT d.id, d.decided_at, d.due_at, d.rationale, d.conditions, d.tier, d.superseded_by_id,
              d.dissenting_disciplines, o.id AS option_id, o.label, o.title AS option_title,
              u.id AS user_id, u.name AS user_name, t.id AS team_id, t.name AS team_name,
              t.tier AS team_tier, i.id AS issue_id, i.key AS issue_key, i.title AS issue_title,
              p.key AS program_key, p.time_zone AS program_time_zone
       FROM decisions d JOIN options o ON o.id = d.option_id JOIN users u ON u.id = d.decided_by_id
       JOIN teams t ON t.id = d.team_id JOIN issues i ON i.id = d.issue_id
       JOIN programs p ON p.id = i.program_id
       WHERE d.program_id = ? ORDER BY d.decided_at DESC, d.id DESC LIMIT ?`,
    ).all(program.id, first + 1);
    const page = rows.slice(0, first);
    const ids = page.map((row) => row.id);
    const nonConcurrences = new Map(ids.map((id) => [id, []]));
    if (ids.length) {
      for (const row of db
        .prepare(
          `SELECT id, decision_id FROM non_concurrences WHERE decision_id IN (${ids.map(() => '?').join(',')}) ORDER BY filed_at`,
        )
        .all(...ids))
        nonConcurrences.get(row.decision_id).push({ id: row.id });
    }
    const actionItems = new Map(ids.map((id) => [id, []]));
    if (ids.length) {
      for (const row of db
        .prepare(
          `SELECT a.id, a.decision_id, a.title, a.due_at, a.done_at, u.id AS user_id, u.name AS user_name
           FROM action_items a JOIN users u ON u.id = a.assignee_id
           WHERE a.decision_id IN (${ids.map(() => '?').join(',')}) ORDER BY a.due_at, a.id`,
        )
        .all(...ids))
        actionItems.get(row.decision_id).push({
          id: row.id,
          title: row.title,
          dueAt: row.due_at,
          doneAt: row.done_at,
          assignee: { id: row.user_id, name: row.user_name },
        });
    }
    const cursor = (row) =>
      Buffer.from(JSON.stringify([row.decided_at, row.id])).toString('base64url');
    return {
      data: {
        decisions: {
          totalCount,
          pageInfo: {
            hasNextPage: rows.length > first,
            endCursor: page.length ? cursor(page.at(-1)) : null,
          },
          edges: page.map((row) => ({
            node: {
              id: row.id,
              decidedAt: row.decided_at,
              dueAt: row.due_at,
              onTime: row.due_at ? row.decided_at <= row.due_at : null,
              rationale: row.rationale,
              conditions: row.conditions,
              tier: row.tier,
              superseded: row.superseded_by_id !== null,
              dissentingDisciplines: JSON.parse(row.dissenting_disciplines),
              option: { id: row.option_id, label: row.label, title: row.option_title },
              decidedBy: { id: row.user_id, name: row.user_name },
              team: { id: row.team_id, name: row.team_name, tier: row.team_tier },
              nonConcurrences: nonConcurrences.get(row.id),
              actionItems: actionItems.get(row.id),
              issue: {
                id: row.issue_id,
                key: row.issue_key,
                title: row.issue_title,
                program: { key: row.program_key, timeZone: row.program_time_zone },
              },
            },
          })),
        },
      },
    };
  }

  const optionShort = (o) => ({
    id: o.id,
    label: o.label,
    title: o.title,
    description: o.description,
    impacts: o.impacts,
  });
  function issuesById(ids) {
    const rows = ids.length
      ? db.prepare(`SELECT * FROM issues WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids)
      : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  function inbox(_variables, userId) {
    const now = Date.now();
    const rows = q(
      `SELECT i.id AS issue_id, m.discipline FROM issues i
       JOIN teams t ON t.id = i.current_team_id AND t.active = 1
       JOIN memberships m ON m.team_id = t.id AND m.user_id = ?
       JOIN issue_required_disciplines rd ON rd.issue_id = i.id AND rd.discipline = m.discipline
       WHERE i.status IN ('IN_REVIEW', 'AWAITING_DECISION')
         AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id
                         AND r.discipline = m.discipline AND r.superseded_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id AND w.discipline = m.discipline)
       ORDER BY CASE WHEN i.recommendations_due_at IS NULL THEN 1 ELSE 0 END,
                i.recommendations_due_at, i.raised_at, i.key, m.discipline`,
    ).all(userId);
    const issues = issuesById([...new Set(rows.map((row) => row.issue_id))]);
    const ctx = scope();
    const programs = new Map();
    const program = (id) => {
      let found = programs.get(id);
      if (!found) {
        const row = q('SELECT key, time_zone FROM programs WHERE id = ?').get(id);
        const names = new Map(
          q('SELECT code, name FROM disciplines WHERE program_id = ? ORDER BY name').raw().all(id),
        );
        programs.set(id, (found = { key: row.key, timeZone: row.time_zone, names }));
      }
      return found;
    };
    // The options of every listed issue in one statement.
    const ids = [...issues.keys()];
    const options = new Map(ids.map((id) => [id, []]));
    if (ids.length)
      for (const option of db
        .prepare(
          `SELECT * FROM options WHERE issue_id IN (${ids.map(() => '?').join(',')}) ORDER BY label`,
        )
        .all(...ids))
        options.get(option.issue_id).push(option);
    return {
      data: {
        myInbox: rows.map(({ issue_id: id, discipline }) => {
          const issue = issues.get(id);
          const p = program(issue.program_id);
          return {
            discipline,
            disciplineName: p.names.get(discipline) ?? discipline,
            dueAt: issue.recommendations_due_at,
            team: teamOut(ctx.team(issue.current_team_id)),
            issue: {
              id: issue.id,
              key: issue.key,
              title: issue.title,
              version: issue.version,
              status: issue.status,
              program: { key: p.key, timeZone: p.timeZone },
              stageClocks: clocksOf(issue, now),
              options: options.get(id).map(optionShort),
            },
          };
        }),
      },
    };
  }

  function queue(_variables, userId) {
    const now = Date.now();
    const rows = q(
      `SELECT i.* FROM issues i
       JOIN teams t ON t.id = i.current_team_id AND t.active = 1
       JOIN memberships m ON m.team_id = t.id AND m.user_id = ?
       WHERE m.decision_authority = 1 AND i.status = 'AWAITING_DECISION'
       ORDER BY CASE WHEN i.decision_due_at IS NULL THEN 1 ELSE 0 END,
                i.decision_due_at, i.ready_at, i.key`,
    ).all(userId);
    const ctx = scope();
    const forecast = forecaster(now);
    const actors = new Map();
    const people = new Map();
    const programs = new Map();
    const programPeople = (programId) => {
      let found = people.get(programId);
      if (!found) {
        found = q(
          `SELECT id, name FROM users WHERE active = 1 AND id IN (
             SELECT user_id FROM program_roles WHERE program_id = ?
             UNION SELECT m.user_id FROM memberships m JOIN teams t ON t.id = m.team_id WHERE t.program_id = ?)
           ORDER BY name, email`,
        ).all(programId, programId);
        people.set(programId, found);
      }
      return found;
    };
    const programOf = (id) => {
      let found = programs.get(id);
      if (!found) {
        const row = q('SELECT key, time_zone FROM programs WHERE id = ?').get(id);
        const disciplines = q(
          'SELECT code, name FROM disciplines WHERE program_id = ? AND active = 1 ORDER BY name',
        ).all(id);
        programs.set(id, (found = { key: row.key, timeZone: row.time_zone, disciplines }));
      }
      return found;
    };
    return {
      data: {
        myDecisionQueue: rows.map((issue) => {
          const part = parts(issue.id);
          let actor = actors.get(issue.program_id);
          if (!actor) actors.set(issue.program_id, (actor = actorFor(userId, issue.program_id)));
          const options = new Map(part.options().map((o) => [o.id, o]));
          return {
            dueAt: issue.decision_due_at,
            team: teamOut(ctx.team(issue.current_team_id)),
            assignees: programPeople(issue.program_id),
            issue: {
              id: issue.id,
              key: issue.key,
              title: issue.title,
              version: issue.version,
              status: issue.status,
              conditionStatement: issue.condition_statement,
              impactArea: issue.impact_area,
              consequence: issue.consequence,
              readyAt: issue.ready_at,
              viewerActions: viewerActions(issue, part, actor, ctx),
              stageClocks: clocksOf(issue, now),
              decisionForecast: forecast(issue),
              program: programOf(issue.program_id),
              options: part.options().map(optionShort),
              coverage: coverageOf(
                part,
                (r) => ({
                  id: r.id,
                  rationale: r.rationale,
                  impactAssessment: r.impact_assessment,
                  alternatives: r.alternatives,
                  submittedAt: r.submitted_at,
                  option: { id: r.option_id, label: options.get(r.option_id)?.label },
                  author: ctx.user(r.author_id),
                }),
                (w) => ({
                  id: w.id,
                  reason: w.reason,
                  waivedAt: w.waived_at,
                  waivedBy: ctx.user(w.waived_by_id),
                }),
              ),
            },
          };
        }),
      },
    };
  }

  function issuePage({ key }, userId) {
    const now = Date.now();
    const issue = q('SELECT * FROM issues WHERE key = ?').get(key);
    const actor = actorFor(userId, issue.program_id);
    if (!authorize(actor, { action: 'VIEW_PROGRAM' }).allowed) throw new Error('FORBIDDEN');
    const ctx = scope();
    const part = parts(issue.id);
    const program = q('SELECT id, key, name, time_zone FROM programs WHERE id = ?').get(
      issue.program_id,
    );
    const current = ctx.team(issue.current_team_id);
    const parent = current.parent_team_id ? ctx.team(current.parent_team_id) : null;
    const members = q('SELECT * FROM memberships WHERE team_id = ? ORDER BY created_at, id').all(
      current.id,
    );
    const options = part.options();
    const optionById = new Map(options.map((o) => [o.id, o]));
    const optionRef = (id) => {
      const o = optionById.get(id);
      return { id: o.id, label: o.label, title: o.title };
    };
    const teamRef = (id) => teamOut(ctx.team(id));
    const decisions = part.decisions();
    const decisionIds = decisions.map((d) => d.id);
    const inList = decisionIds.map(() => '?').join(',');
    const nonConcurrences = decisionIds.length
      ? db
          .prepare(
            `SELECT * FROM non_concurrences WHERE decision_id IN (${inList}) ORDER BY filed_at`,
          )
          .all(...decisionIds)
      : [];
    const decisionItems = decisionIds.length
      ? db
          .prepare(`SELECT * FROM action_items WHERE decision_id IN (${inList}) ORDER BY due_at`)
          .all(...decisionIds)
      : [];
    const escalations = q('SELECT * FROM escalations WHERE issue_id = ? ORDER BY escalated_at').all(
      issue.id,
    );
    const comments = q('SELECT * FROM comments WHERE issue_id = ? ORDER BY created_at').all(
      issue.id,
    );
    const events = q('SELECT * FROM events WHERE issue_id = ? ORDER BY seq').all(issue.id);
    const due = currentStageDueAt(issue);
    return {
      data: {
        issue: {
          id: issue.id,
          key: issue.key,
          title: issue.title,
          conditionStatement: issue.condition_statement,
          impactArea: issue.impact_area,
          consequence: issue.consequence,
          status: issue.status,
          tier: issue.current_tier,
          version: issue.version,
          raisedAt: issue.raised_at,
          triagedAt: issue.triaged_at,
          readyAt: issue.ready_at,
          decidedAt: issue.decided_at,
          resolvedAt: issue.resolved_at,
          closedAt: issue.closed_at,
          withdrawnAt: issue.withdrawn_at,
          currentStage: stageOfStatus(issue.status),
          currentStageDueAt: due,
          dueDates: {
            triage: issue.triage_due_at,
            recommendations: issue.recommendations_due_at,
            decision: issue.decision_due_at,
            resolution: issue.resolution_due_at,
          },
          stageClocks: clocksOf(issue, now),
          decisionForecast: forecaster(now)(issue),
          raisedBy: ctx.user(issue.raised_by_id),
          owner: ctx.user(issue.owner_id),
          program: {
            id: program.id,
            key: program.key,
            name: program.name,
            timeZone: program.time_zone,
          },
          originTeam: teamRef(issue.origin_team_id),
          currentTeam: {
            ...teamOut(current),
            parentTeam: parent ? teamOut(parent) : null,
            members: members.map((m) => ({
              id: m.id,
              discipline: m.discipline,
              role: m.role,
              decisionAuthority: bool(m.decision_authority),
              user: ctx.user(m.user_id),
            })),
          },
          requiredDisciplines: part.required(),
          options: options.map((o) => ({
            id: o.id,
            label: o.label,
            title: o.title,
            description: o.description,
            impacts: o.impacts,
            createdAt: o.created_at,
            createdBy: ctx.user(o.created_by_id),
          })),
          coverage: coverageOf(
            part,
            (r) => ({
              id: r.id,
              submittedAt: r.submitted_at,
              author: ctx.user(r.author_id),
              option: optionRef(r.option_id),
            }),
            (w) => ({
              id: w.id,
              reason: w.reason,
              waivedAt: w.waived_at,
              waivedBy: ctx.user(w.waived_by_id),
            }),
          ),
          recommendations: part.recommendations().map((r) => ({
            id: r.id,
            discipline: r.discipline,
            rationale: r.rationale,
            impactAssessment: r.impact_assessment,
            alternatives: r.alternatives,
            submittedAt: r.submitted_at,
            superseded: r.superseded_at !== null,
            supersededAt: r.superseded_at,
            author: ctx.user(r.author_id),
            option: optionRef(r.option_id),
            team: teamRef(r.team_id),
          })),
          decisions: decisions.map((d) => ({
            id: d.id,
            rationale: d.rationale,
            conditions: d.conditions,
            decidedAt: d.decided_at,
            dueAt: d.due_at,
            onTime: d.due_at ? d.decided_at <= d.due_at : null,
            tier: d.tier,
            superseded: d.superseded_by_id !== null,
            supersededAt: d.superseded_at,
            dissentingDisciplines: JSON.parse(d.dissenting_disciplines),
            option: optionRef(d.option_id),
            decidedBy: ctx.user(d.decided_by_id),
            team: teamRef(d.team_id),
            nonConcurrences: nonConcurrences
              .filter((n) => n.decision_id === d.id)
              .map((n) => ({
                id: n.id,
                discipline: n.discipline,
                rationale: n.rationale,
                impacts: n.impacts,
                filedAt: n.filed_at,
                author: ctx.user(n.author_id),
                reviewTeam: n.review_team_id ? teamRef(n.review_team_id) : null,
              })),
            actionItems: decisionItems
              .filter((a) => a.decision_id === d.id)
              .map((a) => ({
                id: a.id,
                title: a.title,
                dueAt: a.due_at,
                doneAt: a.done_at,
                assignee: ctx.user(a.assignee_id),
              })),
          })),
          escalations: escalations.map((e) => ({
            id: e.id,
            fromTier: e.from_tier,
            toTier: e.to_tier,
            reason: e.reason,
            source: e.source,
            escalatedAt: e.escalated_at,
            fromTeam: { id: e.from_team_id, name: ctx.team(e.from_team_id).name },
            toTeam: { id: e.to_team_id, name: ctx.team(e.to_team_id).name },
            escalatedBy: ctx.user(e.escalated_by_id),
          })),
          comments: comments.map((c) => ({
            id: c.id,
            body: c.body,
            createdAt: c.created_at,
            author: ctx.user(c.author_id),
          })),
          timeline: events.map((e) => {
            let after = e.after;
            if (after !== null) {
              const shown = JSON.parse(after);
              delete shown.snapshot;
              after = JSON.stringify(shown);
            }
            return {
              seq: e.seq,
              type: e.type,
              entityType: e.entity_type,
              at: e.at,
              before: e.before === null ? null : JSON.stringify(JSON.parse(e.before)),
              after,
              actor: ctx.user(e.actor_id),
            };
          }),
          viewerActions: viewerActions(issue, part, actor, ctx),
        },
      },
    };
  }

  // The raw durable write: one comment and its chained event, as the product records them.
  const lastHash = writer.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').pluck();
  const insertComment = writer.prepare(
    'INSERT INTO comments (id, issue_id, author_id, body, created_at, edited_at) VALUES (?, ?, ?, ?, ?, NULL)',
  );
  const insertEvent = writer.prepare(
    `INSERT INTO events (program_id, issue_id, actor_id, type, entity_type, entity_id, before, after, at, previous_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const durableComment = writer.transaction((programId, issueId, authorId, body) => {
    const id = randomUUID();
    const at = new Date();
    const previousHash = lastHash.get() ?? '0'.repeat(64);
    const after = { body };
    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          previousHash,
          programId,
          issueId,
          authorId,
          'COMMENT_ADDED',
          'Comment',
          id,
          null,
          after,
          at.toISOString(),
        ]),
      )
      .digest('hex');
    insertComment.run(id, issueId, authorId, body, at.toISOString());
    insertEvent.run(
      programId,
      issueId,
      authorId,
      'COMMENT_ADDED',
      'Comment',
      id,
      null,
      JSON.stringify(after),
      at.toISOString(),
      previousHash,
      hash,
    );
    return id;
  });
  function rawWrite(variables) {
    const { issueId, programId, authorId } = config.write;
    const id = durableComment.immediate(programId, issueId, authorId, variables.input.body);
    return {
      data: { commentOnIssue: { id: issueId, version: config.write.version, comment: id } },
    };
  }

  const reads = { tracker, issue: issuePage, decisionLog, inbox, queue };
  return (name, payload) => {
    if (name === 'write') return rawWrite(payload.variables ?? {});
    const read = reads[name];
    if (!read) return undefined;
    return read(payload.variables ?? {}, config.users[name]);
  };
}

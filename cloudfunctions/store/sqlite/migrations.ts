import type { Database } from 'better-sqlite3';

/**
 * Versioned schema. Each collection is a table of JSON documents; the expression indexes serve the
 * queries the routers make (the expression must match `json_extract(doc, '$.field')` exactly to be used).
 * Append new versions; never edit one that has shipped.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reference data, users, meta',
    sql: `
      CREATE TABLE streets (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE communities (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX communities_street ON communities (json_extract(doc, '$.streetCode'), id);
      CREATE TABLE users (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX users_demo ON users (json_extract(doc, '$.demoAccount'), id);
      CREATE TABLE meta (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
    `,
  },
  {
    version: 2,
    name: 'outlets with a spatial index',
    sql: `
      CREATE TABLE outlets (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX outlets_status ON outlets (json_extract(doc, '$.status'), id);
      CREATE INDEX outlets_name ON outlets (json_extract(doc, '$.name'), id);
      -- R*Tree over outlet points: rid is the outlet row's rowid. The box is kept in 32-bit floats; the exact
      -- point, the id and the status ride along in auxiliary columns, so a nearby search reads no document
      -- until it has chosen its answer.
      CREATE VIRTUAL TABLE outlets_geo USING rtree(rid, minLng, maxLng, minLat, maxLat, +lng REAL, +lat REAL, +id TEXT, +status TEXT);
    `,
  },
  {
    version: 3,
    name: 'coverage read model and circles',
    sql: `
      CREATE TABLE coverage (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX coverage_street ON coverage (json_extract(doc, '$.streetCode'), id);
      CREATE TABLE circles (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX circles_street ON circles (json_extract(doc, '$.streetCode'), id);
    `,
  },
  {
    version: 4,
    name: 'events and sign-ups',
    sql: `
      CREATE TABLE events (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX events_start ON events (json_extract(doc, '$.startAt'), id);
      CREATE INDEX events_street ON events (json_extract(doc, '$.streetCode'), json_extract(doc, '$.startAt'), id);
      CREATE TABLE signups (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX signups_event ON signups (json_extract(doc, '$.eventId'), id);
      CREATE INDEX signups_person ON signups (json_extract(doc, '$.openid'), id);
    `,
  },
  {
    version: 5,
    name: 'merchants, outlet reviews and files',
    sql: `
      CREATE TABLE businesses (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX businesses_owner ON businesses (json_extract(doc, '$.ownerOpenid'), id);
      CREATE TABLE outletReviews (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX outlet_reviews_outlet ON outletReviews (json_extract(doc, '$.outletId'), id);
      CREATE TABLE files (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX outlets_owner ON outlets (json_extract(doc, '$.ownerOpenid'), id);
      CREATE INDEX outlets_street_status ON outlets (json_extract(doc, '$.streetCode'), json_extract(doc, '$.status'), id);
    `,
  },
  {
    version: 6,
    name: 'ratings',
    sql: `
      CREATE TABLE ratings (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX ratings_outlet ON ratings (json_extract(doc, '$.outletId'), json_extract(doc, '$.status'), json_extract(doc, '$.updatedAt'), id);
      CREATE INDEX ratings_person ON ratings (json_extract(doc, '$.openid'), id);
      CREATE TABLE outletRatings (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE ratingReports (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE rateLimits (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
    `,
  },
  {
    version: 7,
    name: 'surveys and demand reports',
    sql: `
      CREATE TABLE surveys (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX surveys_closes ON surveys (json_extract(doc, '$.closesAt'), id);
      CREATE TABLE surveyAnswers (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX survey_answers_survey ON surveyAnswers (json_extract(doc, '$.surveyId'), id);
      CREATE TABLE demandReports (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX demand_street ON demandReports (json_extract(doc, '$.streetCode'), id);
      CREATE INDEX demand_person ON demandReports (json_extract(doc, '$.openid'), id);
    `,
  },
  {
    version: 8,
    name: 'local sessions',
    sql: `
      CREATE TABLE sessions (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX sessions_openid ON sessions (json_extract(doc, '$.openid'), id);
    `,
  },
  {
    version: 9,
    name: 'sign-ups as the waitlist: ordered by queue key within an event and status',
    sql: `
      CREATE INDEX signups_queue ON signups (json_extract(doc, '$.eventId'), json_extract(doc, '$.status'), json_extract(doc, '$.queueKey'), id);
      CREATE INDEX signups_event_queue ON signups (json_extract(doc, '$.eventId'), json_extract(doc, '$.queueKey'), id);
    `,
  },
  {
    version: 10,
    name: 'messages and their delivery',
    sql: `
      CREATE TABLE messages (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX messages_recipient ON messages (json_extract(doc, '$.recipient'), json_extract(doc, '$.createdAt'), id);
      CREATE INDEX messages_unread ON messages (json_extract(doc, '$.recipient'), json_extract(doc, '$.readAt'), id);
      CREATE INDEX messages_delivery ON messages (json_extract(doc, '$.delivery'), id);
      CREATE TABLE messageSubscriptions (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE deliveries (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX deliveries_at ON deliveries (json_extract(doc, '$.at'), id);
      CREATE INDEX users_home ON users (json_extract(doc, '$.homeCommunityCode'), id);
    `,
  },
  {
    version: 11,
    name: 'supervision: daily index, evaluation, designations, 一街一则',
    sql: `
      CREATE TABLE indexSnapshots (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX index_snapshots_date ON indexSnapshots (json_extract(doc, '$.date'), id);
      CREATE TABLE evaluationConfig (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX evaluation_config_version ON evaluationConfig (json_extract(doc, '$.version'), id);
      CREATE TABLE circleSurveys (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE builtRecords (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX built_records_circle ON builtRecords (json_extract(doc, '$.circleId'), json_extract(doc, '$.at'), id);
      CREATE TABLE designations (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE guidelines (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE TABLE guidelineVersions (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX guideline_versions_street ON guidelineVersions (json_extract(doc, '$.streetCode'), json_extract(doc, '$.version'), id);
    `,
  },
  {
    version: 12,
    name: 'subsidies, inspections, assessments and risk warnings',
    sql: `
      CREATE TABLE subsidies (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX subsidies_updated ON subsidies (json_extract(doc, '$.updatedAt'), id);
      CREATE INDEX subsidies_business ON subsidies (json_extract(doc, '$.businessId'), id);
      CREATE TABLE inspections (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX inspections_outlet ON inspections (json_extract(doc, '$.outletId'), json_extract(doc, '$.date'), id);
      CREATE TABLE assessments (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX assessments_period ON assessments (json_extract(doc, '$.periodKey'), json_extract(doc, '$.score'), id);
      CREATE INDEX assessments_period_street ON assessments (json_extract(doc, '$.periodKey'), json_extract(doc, '$.streetCode'), json_extract(doc, '$.score'), id);
      CREATE INDEX assessments_outlet ON assessments (json_extract(doc, '$.outletId'), json_extract(doc, '$.periodKey'), id);
      CREATE TABLE warnings (id TEXT PRIMARY KEY, doc TEXT NOT NULL CHECK (json_valid(doc)));
      CREATE INDEX warnings_street_status ON warnings (json_extract(doc, '$.streetCode'), json_extract(doc, '$.status'), json_extract(doc, '$.updatedAt'), id);
      CREATE INDEX warnings_status ON warnings (json_extract(doc, '$.status'), json_extract(doc, '$.updatedAt'), id);
      CREATE INDEX users_role ON users (json_extract(doc, '$.role'), id);
      CREATE INDEX users_role_street ON users (json_extract(doc, '$.role'), json_extract(doc, '$.scope.streetCode'), id);
    `,
  },
  {
    version: 13,
    name: 'rate limit counters pruned when they expire',
    sql: `
      CREATE INDEX rate_limits_expires ON rateLimits (json_extract(doc, '$.expiresAt'), id);
    `,
  },
  {
    version: 14,
    name: 'write counters of the collections that caches are built from',
    sql: `
      CREATE TABLE versions (collection TEXT PRIMARY KEY, n INTEGER NOT NULL);
      ${['streets', 'communities', 'circles', 'events', 'outlets', 'outletRatings']
        .map(
          (c) => `
      INSERT INTO versions (collection, n) VALUES ('${c}', 0);
      CREATE TRIGGER ${c}_inserted AFTER INSERT ON ${c} BEGIN UPDATE versions SET n = n + 1 WHERE collection = '${c}'; END;
      CREATE TRIGGER ${c}_updated AFTER UPDATE ON ${c} BEGIN UPDATE versions SET n = n + 1 WHERE collection = '${c}'; END;
      CREATE TRIGGER ${c}_deleted AFTER DELETE ON ${c} BEGIN UPDATE versions SET n = n + 1 WHERE collection = '${c}'; END;`,
        )
        .join('')}
    `,
  },
];

/** Applies every migration newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return MIGRATIONS.length ? MIGRATIONS[MIGRATIONS.length - 1].version : 0;
}

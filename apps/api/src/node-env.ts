/**
 * The API's configuration reads an unset NODE_ENV as production (config.ts); libraries read it
 * themselves, once, when first loaded: graphql-js checks every schema object it meets with a
 * slower cross-realm `instanceOf` unless NODE_ENV is 'production' (3% of a busy request's CPU in
 * the profile, ADR 0024). Imported first by main.ts, so that they agree with the configuration.
 */
process.env['NODE_ENV'] ??= 'production';
